/**
 * Number and hedge findings: in each pair of sentences the alignment says correspond, numbers
 * counting the same noun are paired; a pair whose value differs is number-changed, one whose value
 * agrees but whose hedge differs ("at least 14 people" → "more than 14 people") is hedge-changed.
 * Numbers the two sentences share exactly are set aside first, so an added or dropped number
 * never shifts the pairing of the others.
 */
import type { Finding, NumberMention } from '../core/types.js';
import type { Extracted } from './extracted.js';
import { severityOf } from './severity.js';
import { evidence } from './spans.js';

/** Vague quantities ("dozens of") are compared only with vague ones: "dozens" vs "35" is not a changed number. */
const VAGUE = new Set(['dozens', 'hundreds', 'thousands', 'several']);

function describe(n: NumberMention): string {
  return `${n.hedge === 'exact' ? '' : `${n.hedge} `}${n.value.toLocaleString('en-US')}${n.noun ? ` ${n.noun}` : ''}`;
}

export function numberFindings(
  target: Extracted,
  source: Extracted,
  pairs: readonly { source: number[]; target: number[] }[],
): Finding[] {
  const findings: Finding[] = [];
  for (const pair of pairs) {
    const t = target.numbers.filter((n) => pair.target.includes(n.sentence) && n.noun);
    const s = source.numbers.filter((n) => pair.source.includes(n.sentence) && n.noun);
    const usedS = new Set<NumberMention>();
    const open: NumberMention[] = [];
    for (const n of t) {
      const same = s.find((m) => !usedS.has(m) && m.noun === n.noun && m.value === n.value && m.hedge === n.hedge);
      if (same) usedS.add(same);
      else open.push(n);
    }
    for (const n of open) {
      const vague = VAGUE.has(n.hedge);
      const candidates = s.filter((m) => !usedS.has(m) && m.noun === n.noun && VAGUE.has(m.hedge) === vague);
      const sameValue = candidates.find((m) => m.value === n.value);
      const m = sameValue ?? (candidates.length === 1 ? candidates[0] : undefined);
      if (!m) continue;
      usedS.add(m);
      const type = m.value === n.value ? 'hedge-changed' : 'number-changed';
      if (type === 'hedge-changed' && vague) continue;
      const here = evidence(target.article, n.span);
      const there = evidence(source.article, m.span);
      findings.push({
        type,
        article: target.article.id,
        span: here.span,
        text: here.text,
        sourceArticle: source.article.id,
        sourceSpan: there.span,
        sourceText: there.text,
        severity: severityOf(type),
        explanation:
          type === 'hedge-changed'
            ? `hedge changed: '${m.hedge}' → '${n.hedge}' (${describe(m)} → ${describe(n)})`
            : `number changed: ${describe(m)} → ${describe(n)}`,
      });
    }
  }
  return findings;
}
