/** What the two conflict checks (quantities, quotes) share: which report is later, and the finding. */
import type { Article, Finding, Span } from '../core/types.js';
import type { Extracted } from './extracted.js';
import { severityOf } from './severity.js';
import { evidence } from './spans.js';

/** Publication time in ms; an undated article counts as the latest, so a dated report is the earlier side. */
function publishedAt(article: Article): number {
  const t = article.published ? Date.parse(article.published) : Number.NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** The later of two independent reports is the one flagged; the earlier is shown as the other side. */
export function laterFirst(a: Extracted, b: Extracted): [later: Extracted, earlier: Extracted] {
  return publishedAt(a.article) >= publishedAt(b.article) ? [a, b] : [b, a];
}

/** A conflict between two independent reports, with the span of each in its original text. */
export function conflictFinding(
  later: Extracted,
  laterSpan: Span,
  earlier: Extracted,
  earlierSpan: Span,
  explain: (here: string, there: string) => string,
  speakers: { speaker?: string; sourceSpeaker?: string } = {},
): Finding {
  const here = evidence(later.article, laterSpan);
  const there = evidence(earlier.article, earlierSpan);
  return {
    type: 'conflict',
    article: later.article.id,
    span: here.span,
    text: here.text,
    sourceArticle: earlier.article.id,
    sourceSpan: there.span,
    sourceText: there.text,
    ...(speakers.speaker ? { speaker: speakers.speaker } : {}),
    ...(speakers.sourceSpeaker ? { sourceSpeaker: speakers.sourceSpeaker } : {}),
    severity: severityOf('conflict'),
    explanation: explain(here.text, there.text),
  };
}
