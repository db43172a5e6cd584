/**
 * Date findings: in aligned sentences, a date whose resolved day (or month, or year) differs from
 * the source's date of the same precision. Dates are compared resolved, not as written, so that
 * "Monday" in a story published Tuesday and "March 9" in one published Thursday agree, while a
 * copy that keeps "Monday" but runs three days later does not pass unnoticed only if its resolved
 * day moved — which is what a reader would take it to mean.
 */
import type { DateMention, Finding } from '../core/types.js';
import type { Extracted } from './extracted.js';
import { severityOf } from './severity.js';
import { evidence } from './spans.js';

/** Content words just before a date ("late on", "the blast on"), the cue that pairs it with its counterpart. */
function leadWords(e: Extracted, d: DateMention): Set<string> {
  const tokens = e.article.sentences[d.sentence]?.tokens ?? [];
  const before = tokens.filter((t) => t.span[1] <= d.span[0]).slice(-4);
  const inside = tokens.filter((t) => t.span[0] >= d.span[0] && t.span[1] <= d.span[1] && !/^\p{Lu}/u.test(t.text));
  return new Set([...before, ...inside].map((t) => t.lemma));
}

/**
 * The source date a changed date stands for: the only candidate, or the one whose surrounding
 * words agree best ("late on Sunday" ↔ "late on Monday", not "on Tuesday"). Ties are not guessed:
 * no pairing, no finding.
 */
function pickCounterpart(
  target: Extracted,
  d: DateMention,
  source: Extracted,
  candidates: DateMention[],
): DateMention | undefined {
  if (candidates.length <= 1) return candidates[0];
  const mine = leadWords(target, d);
  const scored = candidates
    .map((m) => ({ m, score: [...leadWords(source, m)].filter((w) => mine.has(w)).length }))
    .sort((a, b) => b.score - a.score);
  return scored[0].score > 0 && scored[0].score > scored[1].score ? scored[0].m : undefined;
}

export function dateFindings(
  target: Extracted,
  source: Extracted,
  pairs: readonly { source: number[]; target: number[] }[],
): Finding[] {
  const findings: Finding[] = [];
  for (const pair of pairs) {
    const t = target.dates.filter((d) => pair.target.includes(d.sentence));
    const s = source.dates.filter((d) => pair.source.includes(d.sentence));
    const used = new Set<DateMention>();
    const open: DateMention[] = [];
    for (const d of t) {
      const same = s.find((m) => !used.has(m) && m.resolved === d.resolved);
      if (same) used.add(same);
      else open.push(d);
    }
    for (const d of open) {
      const candidates = s.filter((m) => !used.has(m) && m.precision === d.precision);
      const m = pickCounterpart(target, d, source, candidates);
      if (!m) continue;
      used.add(m);
      const here = evidence(target.article, d.span);
      const there = evidence(source.article, m.span);
      findings.push({
        type: 'date-changed',
        article: target.article.id,
        span: here.span,
        text: here.text,
        sourceArticle: source.article.id,
        sourceSpan: there.span,
        sourceText: there.text,
        severity: severityOf('date-changed'),
        explanation: `date changed: '${m.text}' (${m.resolved}) → '${d.text}' (${d.resolved})`,
      });
    }
  }
  return findings;
}
