/** The contract between `npm run bench` and each benchmark in bench/tasks/. */

export interface BenchOptions {
  /** Corpus size in articles (default 10,000). */
  size: number;
  /** Folder holding the labelled corpora, for benches that want real text. */
  dataDir: string;
  /** Where --write-corpus asked the generated corpus to go, if anywhere. */
  writeCorpus?: string;
  log: (message: string) => void;
}

/** One row of results: a name and its figures (articles/s, ms, MB, parameters …). */
export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
}

export interface BenchTask {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<BenchResult[]>;
}
