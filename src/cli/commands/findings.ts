import type { Command } from 'commander';
import type { AnalysisResult } from '../../core/types.js';
import { renderFindings } from '../../report/terminal.js';
import { colorEnabled } from '../../report/text.js';
import { ExitCode, globalOptions, writeJson, writeOut } from '../context.js';
import { runStories } from '../story-inputs.js';

/** `findings --json`: the `analyze --json` shape, each story with its findings only. */
export function findingsJson(result: AnalysisResult) {
  return {
    articles: result.articles,
    stories: result.stories.map(({ id, title, articles, findings }) => ({ id, title, articles, findings })),
    errors: result.errors,
  };
}

export function register(program: Command): void {
  program
    .command('findings')
    .description('what changed on the way: quotes, speakers, numbers, hedges and dates, each with its two spans')
    .argument('[paths...]', 'files, directories, globs, or - for JSONL on stdin')
    .option('--story <id>', 'a stored story (see wiretrace stories) instead of PATHS')
    .option('--one-story', 'the inputs are versions of one story: compare them together, without clustering')
    .action(async (paths: string[], options: { oneStory?: boolean; story?: string }, command: Command) => {
      const { json } = globalOptions(command);
      const run = await runStories(paths, command, {
        stages: { findings: true },
        oneStory: options.oneStory,
        story: options.story,
      });
      if (!run) return;
      const { result } = run;
      if (json) writeJson(findingsJson(result));
      else
        writeOut(renderFindings(result, { color: colorEnabled(process.stdout), width: process.stdout.columns ?? 100 }));
      process.exitCode = result.errors.length > 0 ? ExitCode.InputFailed : ExitCode.Ok;
    });
}
