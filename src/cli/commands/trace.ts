import type { Command } from 'commander';
import type { AnalysisResult } from '../../core/types.js';
import { renderTrace } from '../../report/terminal.js';
import { colorEnabled } from '../../report/text.js';
import { ExitCode, globalOptions, writeJson, writeOut } from '../context.js';
import { runStories } from '../story-inputs.js';

/** `trace --json`: the `analyze --json` shape, each story with its duplicates and derivations only. */
export function traceJson(result: AnalysisResult) {
  return {
    articles: result.articles,
    stories: result.stories.map(({ id, title, articles, duplicates, derivations }) => ({
      id,
      title,
      articles,
      duplicates,
      derivations,
    })),
    errors: result.errors,
  };
}

export function register(program: Command): void {
  program
    .command('trace')
    .description('who copied whom: the provenance tree of each story, with classes, modes and confidence')
    .argument('[paths...]', 'files, directories, globs, or - for JSONL on stdin')
    .option('--story <id>', 'a stored story (see wiretrace stories) instead of PATHS')
    .option('--one-story', 'the inputs are versions of one story: trace them together, without clustering')
    .action(async (paths: string[], options: { oneStory?: boolean; story?: string }, command: Command) => {
      const { json } = globalOptions(command);
      const run = await runStories(paths, command, { stages: {}, oneStory: options.oneStory, story: options.story });
      if (!run) return;
      const { result } = run;
      if (json) writeJson(traceJson(result));
      else writeOut(renderTrace(result, { color: colorEnabled(process.stdout), width: process.stdout.columns ?? 100 }));
      process.exitCode = result.errors.length > 0 ? ExitCode.InputFailed : ExitCode.Ok;
    });
}
