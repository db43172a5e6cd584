import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { InputError } from '../../core/types.js';
import { ExitCode, globalOptions, inputErrorLine, openStoreQueue, withStore, writeJson, writeOut } from '../context.js';
import { positiveInteger } from './ingest.js';

interface WorkerCommandOptions {
  jobs: number;
  workers: number;
  untilEmpty?: boolean;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description(
      'take jobs from the PostgreSQL job queue of --db (see enqueue): store their articles and sort ' +
        'them into stories; run as many as you like, on any machines',
    )
    .option('--jobs <n>', 'jobs taken and stored together', positiveInteger, 16)
    .option('--workers <n>', 'threads that segment articles', positiveInteger, availableParallelism())
    .option('--until-empty', 'stop when no work is queued or in progress anywhere (default: run until stopped)')
    .action(async (options: WorkerCommandOptions, command: Command) => {
      const { db, json, quiet } = globalOptions(command);
      const { runWorker } = await import('../../queue/index.js');
      const { storiesLine } = await import('./ingest.js');
      const log = (line: string) => {
        if (!quiet && !json) process.stderr.write(`${line}\n`);
      };
      // Ctrl-C or a service manager's stop: finish the jobs in hand (they are then complete, not
      // abandoned to time out), then exit.
      const stop = new AbortController();
      const onSignal = () => {
        log('wiretrace: stopping after the jobs in hand');
        stop.abort();
      };
      // The queue first: it refuses an SQLite --db before withStore would create the file.
      const boss = await openStoreQueue(db);
      process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
      try {
        const summary = await withStore(db, async (store) => {
          log(`wiretrace: worker waiting for jobs (queue: ${db})`);
          return await runWorker(boss, store, {
            jobsPerFetch: options.jobs,
            segmentWorkers: options.workers > 1 ? options.workers : 0,
            untilEmpty: options.untilEmpty,
            signal: stop.signal,
            onError: (error: InputError) => process.stderr.write(`${inputErrorLine(error)}\n`),
            onIngested: (s, jobs) =>
              log(
                `${jobs} jobs: ${s.inserted.length} inserted, ${s.updated.length} updated, ` +
                  `${s.unchanged.length} unchanged, ${s.errors.length} failed`,
              ),
            onClustered: (s) => log(storiesLine(s)),
            onJobFailed: (queue, id, reason) =>
              process.stderr.write(`wiretrace: ${queue} job ${id} failed, to be retried: ${reason}\n`),
          });
        });
        if (json) writeJson(summary);
        else if (!quiet)
          writeOut(
            `${summary.ingestJobs} jobs done: ${summary.inserted} inserted, ${summary.updated} updated, ` +
              `${summary.unchanged} unchanged, ${summary.errors} inputs failed; ${summary.failedJobs} jobs failed; ` +
              `${summary.clusterRuns} clustering runs`,
          );
        process.exitCode = summary.errors > 0 || summary.failedJobs > 0 ? ExitCode.InputFailed : ExitCode.Ok;
      } finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
        await boss.stop({ graceful: false, wait: true }).catch(() => {});
      }
    });
}
