/**
 * The sourced brief of one story: `analyze --json` puts it under each story's `"brief"`.
 *
 * Every statement in a brief carries its evidence: a `Citation` names the article and the span of
 * that article's ORIGINAL text (`ArticleSummary`'s body as the reader produced it), so that a
 * reader can check each line in place. All lists are deterministic (sorted as documented below)
 * so that two runs over the same articles give the same JSON.
 *
 * Schema (JSON, all fields always present unless marked optional):
 *
 * ```
 * Brief {
 *   articles:      string[]            story order: sources before what derives from them, then by
 *                                      publication date (the "earlier version" order used below)
 *   timeline:      TimelineEvent[]     sorted by date (a year before its months, a month before its days)
 *   facts:         BriefFact[]         most independently corroborated first
 *   quotes:        BriefQuote[]        in story order of their first appearance
 *   contributions: Contribution[]      one per article, in story order
 *   summary:       SummarySentence[]   5–7 sentences (fewer only when the story has fewer), in story order
 * }
 * Citation        { article, sentence, span: [start, end], text }   span/text in the ORIGINAL body
 * TimelineEvent   { id: "e1", date: "2026-03-16" | "2026-03" | "2026", precision: "day"|"month"|"year",
 *                   text (the event sentence of the earliest report), articles: string[],
 *                   sources (independent sources reporting it),
 *                   reports: [{ ...Citation (the sentence), date: Citation (the date words) }] }
 * BriefFact       { id: "f1", value, noun?, hedge, text ("at least 14 people"), articles, sources,
 *                   reports: Citation[] (the number mentions),
 *                   conflicts: [{ value, hedge, text, differs: "value"|"hedge", articles, sources,
 *                                 reports: Citation[], findings: FindingType[] }] }
 * BriefQuote      { id: "q1", text (canonical wording), speaker?, canonicalFrom: article id | { inferred },
 *                   articles, sources,
 *                   variants: [{ text, speaker?, speakerDiffers?, kind: "canonical"|"excerpt"|"extended"|"reworded",
 *                                articles, reports: Citation[] }] }
 * Contribution    { article, earlier: string[] (articles before it in story order),
 *                   derivedFrom: string[] (its derivation sources in the trace),
 *                   adds:  { sentences: Citation[], facts: string[] (fact ids), quotes: string[] (quote ids) },
 *                   drops: { sentences: Citation[] (sentences of its sources it left out), facts: string[] } }
 * SummarySentence { ...Citation, articles: string[] (versions carrying the sentence), sources }
 * ```
 *
 * "sources" is always a count of INDEPENDENT sources: articles joined by a derivation edge, listed
 * as duplicates, or derived from the same inferred common source count once together.
 */
import type { DatePrecision, FindingType, Hedge, Span } from '../core/types.js';

/** A place in an article: the span (and its text) in the article's ORIGINAL body. */
export interface Citation {
  article: string;
  /** Index of the sentence in the article's segmentation. */
  sentence: number;
  span: Span;
  text: string;
}

export interface TimelineReport extends Citation {
  /** The date words inside the sentence ("last Tuesday"), cited in the original body. */
  date: Citation;
}

export interface TimelineEvent {
  id: string;
  /** "2026-03-16", "2026-03" or "2026": an event stated to a month keeps month precision. */
  date: string;
  precision: DatePrecision;
  /** The event as the earliest version reports it (its sentence). */
  text: string;
  articles: string[];
  /** Independent sources reporting the event. */
  sources: number;
  reports: TimelineReport[];
}

export interface BriefFactVariant {
  value: number;
  hedge: Hedge;
  text: string;
  /** What sets it apart from the fact: another number, or the same number hedged differently. */
  differs: 'value' | 'hedge';
  articles: string[];
  sources: number;
  reports: Citation[];
  /** Types of the compare-stage findings raised on these mentions (number-changed, conflict, …). */
  findings: FindingType[];
}

export interface BriefFact {
  id: string;
  value: number;
  /** The counted noun's lemma ("people"). */
  noun?: string;
  hedge: Hedge;
  /** As the earliest version wrote it ("at least 14 people"). */
  text: string;
  articles: string[];
  /** Independent sources carrying this value and hedge. */
  sources: number;
  reports: Citation[];
  /** Other values or hedges reported for the same quantity. */
  conflicts: BriefFactVariant[];
}

export type QuoteVariantKind = 'canonical' | 'excerpt' | 'extended' | 'reworded';

export interface BriefQuoteVariant {
  text: string;
  speaker?: string;
  /**
   * "excerpt": a faithful part of the canonical words; "extended": the canonical words and more
   * (two quotes joined, or more of the speech); "reworded": words changed.
   */
  kind: QuoteVariantKind;
  /** Set when the variant names a different speaker than the canonical quote (not just a shorter name). */
  speakerDiffers?: boolean;
  articles: string[];
  reports: Citation[];
}

export interface BriefQuote {
  id: string;
  /** The canonical wording: the earliest version's, or the common source's when versions share one. */
  text: string;
  speaker?: string;
  /** Where the canonical wording comes from: an article id, or an inferred common source. */
  canonicalFrom: string | { inferred: string };
  articles: string[];
  sources: number;
  variants: BriefQuoteVariant[];
}

export interface Contribution {
  article: string;
  /** Versions before it in story order. */
  earlier: string[];
  /** Its derivation sources in the provenance graph (article ids; inferred sources left out). */
  derivedFrom: string[];
  adds: { sentences: Citation[]; facts: string[]; quotes: string[] };
  drops: { sentences: Citation[]; facts: string[] };
}

export interface SummarySentence extends Citation {
  /** The versions carrying this sentence (aligned to it). */
  articles: string[];
  sources: number;
}

export interface Brief {
  articles: string[];
  timeline: TimelineEvent[];
  facts: BriefFact[];
  quotes: BriefQuote[];
  contributions: Contribution[];
  summary: SummarySentence[];
}
