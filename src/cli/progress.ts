import cliProgress from 'cli-progress';
import type { AnalyzeProgress } from '../analyze.js';
import { sanitize, truncate } from '../report/text.js';

/** What a command does with progress: a bar on a terminal, nothing otherwise. */
export interface ProgressDisplay {
  update(progress: AnalyzeProgress): void;
  /** Prints a line above the bar (an input error) without breaking it. */
  log(line: string): void;
  stop(): void;
}

/**
 * Whether to draw progress: only when stderr is a terminal someone watches, never with --quiet,
 * and not when JSON goes to a pipe (a script is running us; its terminal is not the audience).
 */
export function progressWanted(
  options: { quiet?: boolean; json?: boolean },
  streams: { stdout: { isTTY?: boolean }; stderr: { isTTY?: boolean } } = process,
): boolean {
  if (options.quiet || streams.stderr.isTTY !== true) return false;
  return !(options.json && streams.stdout.isTTY !== true);
}

const silent: ProgressDisplay = {
  update: () => {},
  log: (line) => process.stderr.write(`${line}\n`),
  stop: () => {},
};

/**
 * Reading shows a counter (the number of inputs is not known until they are all read); the
 * stories then get a bar naming the story being analysed, since a big story can take a while.
 */
export function progressDisplay(enabled: boolean): ProgressDisplay {
  if (!enabled) return silent;
  const bars = new cliProgress.MultiBar({
    hideCursor: true,
    clearOnComplete: true,
    stream: process.stderr,
    fps: 8,
  });
  const columns = process.stderr.columns ?? 100;
  let reading: cliProgress.SingleBar | undefined;
  let stories: cliProgress.SingleBar | undefined;
  return {
    update(progress) {
      if (progress.stage === 'reading') {
        reading ??= bars.create(0, 0, { what: '' }, { format: 'reading {value} inputs · {what}' });
        reading.update(progress.done, { what: truncate(sanitize(progress.source), Math.max(20, columns - 26)) });
        return;
      }
      if (reading) bars.remove(reading);
      reading = undefined;
      stories ??= bars.create(
        progress.total,
        0,
        { what: '' },
        { format: 'stories {bar} {value}/{total} · {what}', barsize: 24 },
      );
      const { story } = progress;
      const what = `${sanitize(story.title || story.id)} (${story.articles} article${story.articles === 1 ? '' : 's'})`;
      stories.update(progress.done, { what: truncate(what, Math.max(20, columns - 44)) });
    },
    log: (line) => bars.log(`${line}\n`),
    stop: () => bars.stop(),
  };
}
