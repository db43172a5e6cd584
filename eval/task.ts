/** The contract between `npm run eval` and each evaluation task in eval/tasks/. */

export interface EvalOptions {
  /** Folder holding the labelled corpora (default ../shared/data). */
  dataDir: string;
  /** The project's bundled examples (examples/). */
  examplesDir: string;
  /** Cap on documents/pairs per dataset, for quick runs; undefined means everything. */
  limit?: number;
  /** Progress and commentary for people; goes to stderr so stdout stays machine-readable. */
  log: (message: string) => void;
}

/** Metric names follow the shared vocabulary: precision, recall, f1, accuracy, macroF1, bcubedF1, n, … */
export type Metrics = Record<string, number>;

export interface DatasetResult {
  /** A folder name under the data directory, or "examples". */
  dataset: string;
  metrics: Metrics;
  /** Published figures on the same data/metric, printed beside ours. */
  anchors?: Record<string, string>;
}

export interface EvalTask {
  /** Short name used by `npm run eval -- --only NAME`. */
  name: string;
  /** One line on what is measured. */
  description: string;
  run(options: EvalOptions): Promise<DatasetResult[]>;
}
