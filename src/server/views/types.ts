/**
 * The shapes the web UI reads, from the HTTP API or from the data embedded in an HTML report.
 * They are views over the pipeline's types (src/core/types.ts): everything the browser needs and
 * nothing it would have to compute. All spans are half-open ranges in the article's ORIGINAL
 * text (`CleanArticle.original`), like the spans in `analyze --json`.
 */
import type { Brief } from '../../brief/types.js';
import type { Credit, Derivation, Finding, Span } from '../../core/types.js';

/** One article as a story, a list or a diff names it: metadata only, no text. */
export interface ArticleRef {
  id: string;
  title: string;
  /** Where it came from: a file path (with `#record`) or a URL. */
  source: string;
  url?: string;
  published?: string;
  outlet?: string;
  author?: string;
  credits: Credit[];
}

/** A line of the story list. */
export interface StoryListItem {
  id: string;
  title: string;
  articleCount: number;
  outlets: string[];
  /** Earliest and latest publication date among the story's articles (ISO), when known. */
  firstPublished?: string;
  lastPublished?: string;
  derivationCount: number;
  findingCount: number;
}

export type StorySort = 'recency' | 'size' | 'findings';

/** A story page: the pipeline's Story plus the metadata of its articles. */
export interface StoryView {
  id: string;
  title: string;
  articles: ArticleRef[];
  duplicates: string[][];
  derivations: Derivation[];
  findings: Finding[];
  /** The story brief (src/brief/types.ts), or null when the brief stage did not run. */
  brief: Brief | null;
}

export interface SentenceView {
  index: number;
  paragraph: number;
  /** Span in the original text. */
  span: Span;
  text: string;
}

/** An article page: original and cleaned text, sentences, credits. */
export interface ArticleView extends ArticleRef {
  /** The body as the reader produced it; every span points here. */
  original: string;
  /** The normalised story text the pipeline worked on. */
  text: string;
  sentences: SentenceView[];
  /** Stories this article belongs to. */
  stories: { id: string; title: string }[];
}

/** What a side of a diff row shows: one or more consecutive sentences of one article. */
export interface DiffSide {
  sentences: number[];
  span: Span;
  text: string;
  /** Changed words, as spans in the original text (deletions on side a, insertions on side b). */
  changes: Span[];
}

export type DiffRowKind = 'identical' | 'edited' | 'paraphrased' | 'only-a' | 'only-b';

/** One row of the side-by-side view: an aligned pair, or a sentence only one side has. */
export interface DiffRow {
  kind: DiffRowKind;
  similarity?: number;
  a: DiffSide | null;
  b: DiffSide | null;
}

/** Two versions aligned sentence by sentence, in reading order, with word-level changes. */
export interface PairDiff {
  a: ArticleRef;
  b: ArticleRef;
  rows: DiffRow[];
}

/** What the ingest endpoint did with each submitted article, in order. */
export interface IngestOutcome {
  index: number;
  status: 'inserted' | 'updated' | 'unchanged' | 'error';
  id?: string;
  /** The story the article now belongs to. */
  story?: string;
  error?: string;
}

/**
 * Everything a self-contained HTML report needs, precomputed: the UI reads it through the same
 * interface as the API (web/src/data).
 */
export interface Snapshot {
  generatedAt: string;
  stories: StoryListItem[];
  storyViews: Record<string, StoryView>;
  articles: Record<string, ArticleView>;
  /** Keyed by `${a}|${b}`. */
  diffs: Record<string, PairDiff>;
}
