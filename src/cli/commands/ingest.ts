import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import type { InputError } from '../../core/types.js';
import type { ClusterRunSummary } from '../../store/clustering.js';
import { ExitCode, globalOptions, inputErrorLine, withStore, writeJson, writeOut } from '../context.js';

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

/**
 * Live progress on stderr, only on a terminal: a counter while reading (how many inputs there are
 * is unknown until they are all read), then a bar while the new articles are sorted into stories.
 */
function progressDisplay(enabled: boolean) {
  if (!enabled)
    return {
      update: () => {},
      clustering: () => {},
      log: (line: string) => process.stderr.write(`${line}\n`),
      stop: () => {},
    };
  const started = performance.now();
  const bars = new cliProgress.MultiBar({ hideCursor: true, clearOnComplete: true, stream: process.stderr, fps: 8 });
  let reading: cliProgress.SingleBar | undefined;
  let clustering: cliProgress.SingleBar | undefined;
  return {
    update(read: number, failed: number, source: string) {
      if (clustering) bars.remove(clustering);
      clustering = undefined;
      reading ??= bars.create(
        0,
        0,
        { rate: 0, failed: 0, source: '' },
        {
          format: 'ingesting {value} inputs · {rate}/s · {failed} failed · {source}',
        },
      );
      const rate = Math.round(read / Math.max(0.001, (performance.now() - started) / 1000));
      reading.update(read, { rate, failed, source: source.length > 40 ? `…${source.slice(-39)}` : source });
    },
    clustering(done: number, total: number) {
      if (reading) bars.remove(reading);
      reading = undefined;
      clustering ??= bars.create(total, 0, {}, { format: 'clustering {bar} {value}/{total} articles' });
      clustering.update(done);
    },
    log: (line: string) => bars.log(`${line}\n`),
    stop: () => bars.stop(),
  };
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** The per-run line about stories: what this run added, then how many there are in all. */
export function storiesLine(s: ClusterRunSummary): string {
  const parts = [
    `${s.clustered} clustered`,
    plural(s.newStories.length, 'new story', 'new stories'),
    `${s.joined} joined`,
    plural(s.duplicates, 'copy', 'copies'),
  ];
  if (s.noise > 0) parts.push(`${plural(s.noise, 'page', 'pages')} without article text`);
  if (s.merged.length > 0) parts.push(plural(s.merged.length, 'merge'));
  return `stories: ${parts.join(', ')}; ${plural(s.stories, 'story', 'stories')} in the store`;
}

interface IngestCommandOptions {
  batchSize: number;
  workers: number;
  cluster: boolean;
  clusterEvery?: number;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description(
      'read, clean, segment and store articles, and sort the new ones into stories ' +
        '(idempotent: the same text twice is one article)',
    )
    .argument('<paths...>', 'files, directories, globs, or - for JSONL on stdin')
    .option('--batch-size <n>', 'articles per transaction', positiveInteger, 100)
    .option(
      '--workers <n>',
      'threads that segment articles (1: all on the main thread; workers start only for inputs of more than one batch)',
      positiveInteger,
      availableParallelism(),
    )
    .option('--no-cluster', 'store only; the next ingest with clustering places these articles too')
    .option(
      '--cluster-every <n>',
      'also place new articles in stories after every n stored ones, for long or endless streams ' +
        '(default: once, at the end, in publication order over the whole run)',
      positiveInteger,
    )
    .action(async (paths: string[], options: IngestCommandOptions, command: Command) => {
      const { db, json, quiet } = globalOptions(command);
      // Loaded here, not at start-up: readers and the NLP model are heavy, and `--help` should be quick.
      const { ingestIntoStore } = await import('../../store/ingest.js');
      const { clusterStoredArticles, combineClusterRuns } = await import('../../store/clustering.js');
      const progress = progressDisplay(process.stderr.isTTY === true && !quiet && !json);
      const { summary, stories } = await withStore(db, async (store) => {
        try {
          const runs: ClusterRunSummary[] = [];
          const cluster = async () => {
            runs.push(
              await clusterStoredArticles(store, { onProgress: (done, total) => progress.clustering(done, total) }),
            );
          };
          let unplaced = 0;
          const every = options.cluster ? options.clusterEvery : undefined;
          const summary = await ingestIntoStore(store, paths, {
            batchSize: options.batchSize,
            workers: options.workers,
            onError: (error: InputError) => progress.log(inputErrorLine(error)),
            onProgress: (p) => progress.update(p.read, p.failed, p.source),
            // Counted in stored articles, not seconds, so that the same input in the same order
            // always gives the same stories.
            onBatch: every
              ? async (inserted) => {
                  unplaced += inserted.length;
                  if (unplaced < every) return;
                  unplaced = 0;
                  await cluster();
                }
              : undefined,
          });
          // Placed after the articles are stored: in publication order over the whole run (or
          // what is left of it); articles a killed run stored but did not place are picked up too.
          if (options.cluster) await cluster();
          return { summary, stories: runs.length > 0 ? combineClusterRuns(runs) : undefined };
        } finally {
          progress.stop();
        }
      });
      const { inserted, updated, unchanged, errors } = summary;
      if (stories?.rebuilt && !quiet)
        process.stderr.write(`wiretrace: stories rebuilt from scratch: ${stories.rebuilt}\n`);
      if (json) writeJson(stories ? { ...summary, stories } : summary);
      else if (!quiet) {
        const total = inserted.length + updated.length + unchanged.length + errors.length;
        const lines = [
          `${plural(total, 'input')}: ${inserted.length} inserted, ${updated.length} updated, ` +
            `${unchanged.length} unchanged, ${errors.length} failed (store: ${db})`,
        ];
        if (stories) lines.push(storiesLine(stories));
        writeOut(lines.join('\n'));
      }
      process.exitCode = errors.length > 0 ? ExitCode.InputFailed : ExitCode.Ok;
    });
}
