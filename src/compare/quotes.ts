/**
 * Quote findings for one derived version: each of its quotes matched to a quote of the version
 * it came from — first among quotes in sentences the alignment paired with it, then anywhere in
 * the source — and then checked for words (quote-altered) and speaker (quote-misattributed).
 * A quote no earlier version has at all is quote-unsourced.
 */
import type { DerivationClass, Finding, QuoteMention } from '../core/types.js';
import type { Extracted } from './extracted.js';
import { describeEdits, quoteEdits } from './quote-diff.js';
import { isFaithful, lcs, quoteSegments } from './quote-words.js';
import { severityOf } from './severity.js';
import { evidence, quoteExtent } from './spans.js';
import { compareSpeakers } from './speakers.js';

/**
 * A quote in a sentence the alignment paired with the source's sentence is the same quote when
 * half its words survive in order (2·LCS / total ≥ 0.5, or half of the derived quote is found):
 * "It was a miracle" → "It was a stroke of luck" is a reworded quote, not a new one.
 */
const ALIGNED_MATCH = 0.5;
/** Anywhere else in the source the bar is higher: most of the words, in order. */
const ANYWHERE_MATCH = 0.7;
/** Quotes shorter than this (in words) are matched only word for word: "very hard" could be anyone's. */
const MIN_FUZZY_WORDS = 4;
/** Quotes shorter than this are never called unsourced: two-word fragments are often scare quotes. */
const MIN_UNSOURCED_WORDS = 3;

const STOP = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'it',
  'is',
  'was',
  'be',
  'we',
  'i',
  'you',
  'they',
  'that',
  'this',
  'very',
  'so',
  'not',
]);

export interface SourceView {
  source: Extracted;
  /** Source sentence indices aligned with each target sentence. */
  alignedTo: Map<number, Set<number>>;
  derivation: DerivationClass;
}

interface Match {
  quote: QuoteMention;
  source: Extracted;
  faithful: boolean;
  strength: number;
}

function keys(text: string): string[] {
  return quoteSegments(text)
    .flat()
    .map((w) => w.key);
}

function strength(q: string, s: string): { faithful: boolean; score: number } {
  if (isFaithful(q, s)) return { faithful: true, score: 1 };
  const a = keys(q);
  const b = keys(s);
  if (a.length < MIN_FUZZY_WORDS) return { faithful: false, score: 0 };
  const common = lcs(a, b);
  return { faithful: false, score: Math.max((2 * common) / (a.length + b.length), common / a.length) };
}

function hasContent(text: string): boolean {
  const k = keys(text);
  return k.length >= 2 && k.some((w) => !STOP.has(w));
}

/**
 * The source's quotes, plus runs of consecutive quotes by the same speaker joined as one: a copy
 * may merge "“A,” she said. “B.”" into "“A. B.”" — the same words from the same mouth.
 */
function withRuns(quotes: readonly QuoteMention[]): QuoteMention[] {
  const out = [...quotes];
  for (let i = 0; i < quotes.length; i++) {
    let run = quotes[i];
    for (let j = i + 1; j < Math.min(quotes.length, i + 3); j++) {
      const next = quotes[j];
      if (!next.speaker || next.speaker !== quotes[i].speaker || next.sentence - run.sentence > 3) break;
      run = { ...run, text: `${run.text} … ${next.text}`, spans: [...run.spans, ...next.spans] };
      out.push(run);
    }
  }
  return out;
}

function bestMatch(q: QuoteMention, view: SourceView, alignedOnly: boolean): Match | undefined {
  const aligned = new Set<number>();
  for (const s of [q.sentence]) for (const x of view.alignedTo.get(s) ?? []) aligned.add(x);
  let best: Match | undefined;
  for (const sq of withRuns(view.source.quotes)) {
    const inAligned = aligned.has(sq.sentence);
    if (alignedOnly && !inAligned) continue;
    const { faithful, score } = strength(q.text, sq.text);
    if (faithful && !hasContent(q.text) && !inAligned) continue;
    const bar = inAligned ? ALIGNED_MATCH : ANYWHERE_MATCH;
    if (score < bar) continue;
    if (!best || score > best.strength) best = { quote: sq, source: view.source, faithful, strength: score };
  }
  return best;
}

/** Whether an earlier version holds the quote's words at all: as a quote, or in its own text. */
function foundIn(q: QuoteMention, earlier: Extracted): boolean {
  if (earlier.quotes.some((sq) => strength(q.text, sq.text).score >= ANYWHERE_MATCH)) return true;
  return isFaithful(q.text, earlier.article.text);
}

export function quoteFindings(
  target: Extracted,
  views: readonly SourceView[],
  chain: readonly Extracted[],
  mayBeUnsourced: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const article = target.article;
  for (const q of target.quotes) {
    let match: Match | undefined;
    for (const alignedOnly of [true, false]) {
      for (const view of views) {
        const m = bestMatch(q, view, alignedOnly);
        if (m && (!match || m.strength > match.strength)) match = m;
      }
      if (match) break;
    }
    const here = evidence(article, quoteExtent(q.spans));
    if (match) {
      const src = match.source.article;
      const there = evidence(src, quoteExtent(match.quote.spans));
      const derivation = views.find((v) => v.source === match.source)?.derivation;
      const base = {
        article: article.id,
        span: here.span,
        text: here.text,
        sourceArticle: src.id,
        sourceSpan: there.span,
        sourceText: there.text,
        ...(q.speaker ? { speaker: q.speaker } : {}),
        ...(match.quote.speaker ? { sourceSpeaker: match.quote.speaker } : {}),
      };
      if (!match.faithful) {
        const edits = quoteEdits(match.quote.text, q.text);
        if (edits.length > 0)
          findings.push({
            type: 'quote-altered',
            ...base,
            severity: severityOf('quote-altered', derivation),
            explanation: describeEdits(edits),
          });
      }
      if (compareSpeakers(q.speaker, match.quote.speaker) === 'different') {
        findings.push({
          type: 'quote-misattributed',
          ...base,
          severity: severityOf('quote-misattributed', derivation),
          explanation: `quote attributed to ${q.speaker}; the source attributes it to ${match.quote.speaker}`,
        });
      }
      continue;
    }
    if (!mayBeUnsourced || keys(q.text).length < MIN_UNSOURCED_WORDS) continue;
    if (views.some((v) => foundIn(q, v.source)) || chain.some((e) => foundIn(q, e))) continue;
    const derivation = views.some((v) => v.derivation === 'wholly-derived') ? 'wholly-derived' : 'partially-derived';
    findings.push({
      type: 'quote-unsourced',
      article: article.id,
      span: here.span,
      text: here.text,
      sourceArticle: null,
      sourceSpan: null,
      sourceText: null,
      ...(q.speaker ? { speaker: q.speaker } : {}),
      severity: severityOf('quote-unsourced', derivation),
      explanation: `no earlier version (${[...new Set([...views.map((v) => v.source.article.id), ...chain.map((e) => e.article.id)])].length} checked) has this quote`,
    });
  }
  return findings;
}
