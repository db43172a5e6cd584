import type { Command } from 'commander';
import { renderReport } from '../../report/terminal.js';
import { colorEnabled } from '../../report/text.js';
import { ExitCode, globalOptions, InternalError, writeJson, writeOut } from '../context.js';
import { runStories } from '../story-inputs.js';

export function register(program: Command): void {
  program
    .command('analyze')
    .description(
      'one shot: read the inputs, sort them into stories, and print each story with its provenance, ' +
        'findings and brief (stored too when --db is given)',
    )
    .argument('<paths...>', 'files, directories, globs, or - for JSONL on stdin')
    .option('--html <file>', 'also write a self-contained HTML report (opens from disk, no server)')
    .action(async (paths: string[], options: { html?: string }, command: Command) => {
      const { json } = globalOptions(command);
      const run = await runStories(paths, command, { stages: { findings: true, brief: true } });
      if (!run) return;
      const { prepared, result } = run;
      if (json) writeJson(result);
      else
        writeOut(renderReport(result, { color: colorEnabled(process.stdout), width: process.stdout.columns ?? 100 }));
      if (options.html) {
        const { writeHtmlReport } = await import('../../report/html.js');
        try {
          await writeHtmlReport(result, prepared.articles, options.html);
        } catch (error) {
          throw new InternalError(
            `${options.html}: cannot write the HTML report: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      process.exitCode = result.errors.length > 0 ? ExitCode.InputFailed : ExitCode.Ok;
    });
}
