import type { Brief } from '../brief/types.js';

/**
 * The shared vocabulary of the pipeline. Every stage takes and returns these types; no stage
 * reaches into another's internals. Spans are always half-open character ranges [start, end).
 */

/** A half-open character range [start, end). */
export type Span = readonly [start: number, end: number];

/** Input formats a reader can produce. */
export type SourceFormat = 'txt' | 'html' | 'json' | 'feed' | 'warc';

/**
 * What a reader hands to `clean`: the body as the source presented it, plus whatever metadata
 * the source carried. `body` is the "original text" that output spans point into.
 */
export interface RawArticle {
  /** Where it came from: a file path (with `#n` for the n-th record of a batch) or a URL. */
  source: string;
  format: SourceFormat;
  /** Identifier given by the source itself (JSON `id`, feed guid, WARC record id), if any. */
  externalId?: string;
  url?: string;
  title?: string;
  /** ISO 8601 date or date-time, when the source gave one. */
  published?: string;
  outlet?: string;
  author?: string;
  /** The article body as plain text (paragraphs separated by blank lines). */
  body: string;
}

/** A reader's or stage's refusal, always naming the input it concerns. */
export interface InputError {
  source: string;
  reason: string;
}

export type CreditKind = 'agency' | 'contributor' | 'copyright' | 'byline';

/** A credit or copyright line, kept as metadata rather than as story text. */
export interface Credit {
  kind: CreditKind;
  /** Who is credited: "Associated Press", "Guardian/Agencies", "Jane Doe". */
  name: string;
  /** The line as it stood, and where, in the original body. */
  text: string;
  span: Span;
}

/**
 * Maps offsets in cleaned text back to offsets in the original body. Stored as runs: each run
 * says that `length` characters starting at `clean` correspond one-to-one to characters starting
 * at `original`. Offsets falling between runs map to the start of the next run.
 */
export interface OffsetRun {
  clean: number;
  original: number;
  length: number;
}

/** Output of `clean`: story text with boilerplate gone and credits lifted out. */
export interface CleanArticle {
  /** Stable identity: derived from the normalised content, so the same article twice is one. */
  id: string;
  /** sha-256 of the normalised text (hex). */
  contentHash: string;
  source: string;
  format: SourceFormat;
  externalId?: string;
  url?: string;
  title: string;
  published?: string;
  outlet?: string;
  author?: string;
  credits: Credit[];
  /** The body as the reader produced it. Output spans point here. */
  original: string;
  /** Normalised story text: Unicode NFC, straight-or-curly quotes kept as typed, single spaces, paragraphs split by "\n\n". */
  text: string;
  offsets: OffsetRun[];
}

export interface Token {
  /** Surface form as in the clean text. */
  text: string;
  /** Lower-cased lemma ("said" → "say"). */
  lemma: string;
  /** Universal POS tag from the NLP model (NOUN, VERB, PROPN, NUM, PUNCT, …). */
  pos: string;
  span: Span;
}

export interface Sentence {
  index: number;
  paragraph: number;
  /** Span in the clean text. */
  span: Span;
  text: string;
  tokens: Token[];
}

/** A cleaned article with its paragraphs, sentences and tokens. */
export interface Article extends CleanArticle {
  paragraphs: Span[];
  sentences: Sentence[];
}

// ---------------------------------------------------------------------------------------------
// Stories, provenance, findings, brief: the shapes of `analyze --json` (documented in README).

export type AlignmentKind = 'identical' | 'edited' | 'paraphrased';

export interface AlignedPair {
  /** Sentence indices in a and b (1–2 and 2–1 alignments list several). */
  a: number[];
  b: number[];
  kind: AlignmentKind;
  similarity: number;
  /** True for a near-copy linked out of order (a moved sentence or paragraph). */
  reordered?: boolean;
}

export interface Alignment {
  a: string;
  b: string;
  pairs: AlignedPair[];
}

export type DerivationClass = 'wholly-derived' | 'partially-derived' | 'non-derived';
export type DerivationMode = 'verbatim' | 'edited' | 'paraphrase';

export interface Evidence {
  /** Span in the source article's original text. */
  source: Span;
  /** Span in the target article's original text. */
  target: Span;
  kind: AlignmentKind;
}

export type SourceRef = string | { inferred: string };

export interface Derivation {
  source: SourceRef;
  target: string;
  class: Exclude<DerivationClass, 'non-derived'>;
  mode: DerivationMode;
  confidence: number;
  evidence: Evidence[];
  /** For an inferred common source: the other version(s) in the pile whose shared passages revealed it. */
  sharedWith?: string[];
}

export interface ProvenanceGraph {
  /** Groups of article ids that are exact or near copies; the first is the representative. */
  duplicates: string[][];
  derivations: Derivation[];
}

/** Every kind of finding, in the order reports and evaluations list them. */
export const FINDING_TYPES = [
  'quote-altered',
  'quote-misattributed',
  'quote-unsourced',
  'number-changed',
  'hedge-changed',
  'date-changed',
  'conflict',
] as const;

export type FindingType = (typeof FINDING_TYPES)[number];

export interface Finding {
  type: FindingType;
  article: string;
  /** Span in the article's original text. */
  span: Span;
  text: string;
  sourceArticle: string | null;
  sourceSpan: Span | null;
  sourceText: string | null;
  speaker?: string;
  sourceSpeaker?: string;
  severity: 'high' | 'medium' | 'low';
  explanation: string;
}

export interface Story {
  id: string;
  title: string;
  articles: string[];
  duplicates: string[][];
  derivations: Derivation[];
  findings: Finding[];
  brief?: Brief;
}

export interface ArticleSummary {
  id: string;
  path?: string;
  url?: string;
  title: string;
  published?: string;
  outlet?: string;
  credits: Credit[];
  /**
   * Other inputs whose normalised text is identical (exact duplicates: same content hash, hence
   * same id), e.g. the same story in different page boilerplate. Absent when there are none.
   */
  copies?: ArticleCopy[];
}

/** Where else an article was found verbatim. */
export interface ArticleCopy {
  path: string;
  url?: string;
  title?: string;
  published?: string;
  outlet?: string;
}

export interface AnalysisResult {
  articles: ArticleSummary[];
  stories: Story[];
  errors: InputError[];
}

// ---------------------------------------------------------------------------------------------
// What `extract` finds in one article. Spans are in the article's clean text (`Article.text`);
// use `toOriginalSpan` from core/offsets to report them.

export interface QuoteMention {
  /** The words inside the quotation marks (without the marks); interrupted quotes are joined with " … ". */
  text: string;
  /** Span(s) of the quoted words in the clean text; more than one for an interrupted quote. */
  spans: Span[];
  /** True when the quote is a fragment inside a sentence ("called it 'a disgrace'"). */
  partial: boolean;
  /** Resolved speaker name ("Ilse Varga"), or undefined when none could be found. */
  speaker?: string;
  /** Where the speaker is mentioned (the name, pronoun or role actually written near the quote). */
  speakerSpan?: Span;
  /** Reporting verb lemma ("say", "tell", "add"), when there is one. */
  cue?: string;
  sentence: number;
}

export type Hedge =
  | 'exact'
  | 'at least'
  | 'more than'
  | 'at most'
  | 'less than'
  | 'about'
  | 'nearly'
  | 'up to'
  | 'dozens'
  | 'hundreds'
  | 'thousands'
  | 'several';

export interface NumberMention {
  /** Normalised value ("five" → 5, "3.5 million" → 3500000, "a dozen" → 12). */
  value: number;
  /** The counted noun's lemma ("people", "boat", "dollar"), when found. */
  noun?: string;
  hedge: Hedge;
  /** The whole mention as written ("at least 115 people"). */
  text: string;
  span: Span;
  sentence: number;
}

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateMention {
  /** As written ("New Year's Eve", "last month"). */
  text: string;
  span: Span;
  sentence: number;
  /** Resolved against the publication date: "2026-01-01", "2026-09", "2026". */
  resolved: string;
  precision: DatePrecision;
}

export type EntityType = 'person' | 'organization' | 'place';

export interface EntityMention {
  text: string;
  type: EntityType;
  span: Span;
  sentence: number;
}
