import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { InputError } from '../../core/types.js';
import {
  ExitCode,
  globalOptions,
  InternalError,
  inputErrorLine,
  openStoreQueue,
  writeJson,
  writeOut,
} from '../context.js';

export function register(program: Command): void {
  program
    .command('enqueue')
    .description(
      'put files on the PostgreSQL job queue of --db for `wiretrace worker`s (on any machines) to ' +
        'parse, store and sort into stories',
    )
    .argument('<paths...>', 'files, directories, globs, or - for JSONL on stdin')
    .action(async (paths: string[], _options: unknown, command: Command) => {
      const { db, json, quiet } = globalOptions(command);
      const boss = await openStoreQueue(db);
      const { enqueueInputs } = await import('../../queue/index.js');
      const bar =
        process.stderr.isTTY && !quiet && !json
          ? new cliProgress.SingleBar(
              { format: 'queued {value} jobs · {files} files · {records} records', stream: process.stderr, fps: 8 },
              cliProgress.Presets.legacy,
            )
          : undefined;
      bar?.start(0, 0, { files: 0, records: 0 });
      const log = (line: string) => process.stderr.write(`${bar ? '\n' : ''}${line}\n`);
      try {
        const summary = await enqueueInputs(boss, paths, {
          onError: (error: InputError) => log(inputErrorLine(error)),
          onProgress: (s) => bar?.update(s.jobs, { files: s.files, records: s.records }),
        });
        bar?.stop();
        if (json) writeJson(summary);
        else if (!quiet)
          writeOut(
            `${summary.jobs} jobs queued (${summary.files} files, ${summary.records} records), ` +
              `${summary.errors.length} inputs failed (queue: ${db})`,
          );
        process.exitCode = summary.errors.length > 0 ? ExitCode.InputFailed : ExitCode.Ok;
      } catch (error) {
        throw new InternalError(`${db}: cannot queue: ${(error as Error).message}`);
      } finally {
        bar?.stop();
        await boss.stop({ graceful: false, wait: true }).catch(() => {});
      }
    });
}
