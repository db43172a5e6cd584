/**
 * A small fictional story for the brief's tests: three versions, their trace, a finding, and
 * stand-ins for the extraction stage.
 */
import { articleFromText } from '../../core/prepare.js';
import type { Article, Finding, NumberMention, QuoteMention, Span } from '../../core/types.js';
import { extractDates } from '../../extract/dates.js';
import type { Extractors } from '../context.js';
import type { TraceResult } from '../trace-result.js';

// A small fictional story in three versions: a wire report, an outlet's edited copy of it, and an
// independent report of the same fire.
export const wire = articleFromText(
  'A fire broke out at the Kessel harbour warehouse on Monday. At least 14 people were injured, the fire service said. ' +
    '“We saw the flames from the bridge,” said dock worker Ana Ruiz. The warehouse was built in 1998.',
  { published: '2026-03-17T08:00:00Z', outlet: 'Wire', source: 'wire.txt' },
);
export const outlet = articleFromText(
  'A fire broke out at the Kessel harbour warehouse on Monday. More than 14 people were injured, the fire service said. ' +
    '“We saw flames from the bridge,” said dock worker Ana Ruiz. The mayor promised an inquiry into the cause.',
  { published: '2026-03-17T10:00:00Z', outlet: 'Outlet', source: 'outlet.txt' },
);
export const independent = articleFromText(
  'Firefighters fought a blaze at the Kessel harbour warehouse on Monday. Fourteen people were injured, officials said. ' +
    'The port reopened on Tuesday after inspectors cleared the quay.',
  { published: '2026-03-17T12:00:00Z', outlet: 'Independent', source: 'independent.txt' },
);

/** The trace a provenance stage would give: the outlet copied the wire; the independent report did not. */
export const trace: TraceResult = {
  duplicates: [],
  derivations: [
    { source: wire.id, target: outlet.id, class: 'wholly-derived', mode: 'edited', confidence: 0.9, evidence: [] },
  ],
  alignments: [
    {
      a: wire.id,
      b: outlet.id,
      pairs: [
        { a: [0], b: [0], kind: 'identical', similarity: 1 },
        { a: [1], b: [1], kind: 'edited', similarity: 0.9 },
        { a: [2], b: [2], kind: 'edited', similarity: 0.9 },
      ],
    },
    { a: wire.id, b: independent.id, pairs: [{ a: [0], b: [0], kind: 'paraphrased', similarity: 0.5 }] },
    { a: outlet.id, b: independent.id, pairs: [{ a: [0], b: [0], kind: 'paraphrased', similarity: 0.5 }] },
  ],
};

// Test stand-ins for the extraction stage (the real extractors have their own tests): numbers of
// people with their hedge, and quotes in curly marks followed by "said <role> <Name Name>".
const WORD_NUMBERS: Record<string, number> = { fourteen: 14 };
function numbers(article: Article): NumberMention[] {
  const found: NumberMention[] = [];
  for (const m of article.text.matchAll(/(at least |more than )?(\d+|Fourteen) people/gi)) {
    const span: Span = [m.index, m.index + m[0].length];
    const hedge = m[1] ? (m[1].trim().toLowerCase() as 'at least' | 'more than') : 'exact';
    const value = WORD_NUMBERS[m[2].toLowerCase()] ?? Number(m[2]);
    const sentence = article.sentences.findIndex((s) => s.span[0] <= span[0] && span[1] <= s.span[1]);
    found.push({ value, noun: 'people', hedge, text: m[0], span, sentence });
  }
  return found;
}
function quotes(article: Article): QuoteMention[] {
  const found: QuoteMention[] = [];
  for (const m of article.text.matchAll(/“([^”]+?),?”,? said [a-z ]*?([A-Z]\w+ [A-Z]\w+)/g)) {
    const start = m.index + 1;
    const sentence = article.sentences.findIndex((s) => s.span[0] <= m.index && m.index < s.span[1]);
    found.push({
      text: m[1],
      spans: [[start, start + m[1].length]],
      partial: false,
      speaker: m[2],
      cue: 'say',
      sentence,
    });
  }
  return found;
}
export const extractors: Extractors = { dates: extractDates, numbers, quotes };

export const hedgeFinding: Finding = {
  type: 'hedge-changed',
  article: outlet.id,
  span: [outlet.text.indexOf('More than'), outlet.text.indexOf('More than') + 19],
  text: 'More than 14 people',
  sourceArticle: wire.id,
  sourceSpan: [wire.text.indexOf('At least'), wire.text.indexOf('At least') + 18],
  sourceText: 'At least 14 people',
  severity: 'medium',
  explanation: "hedge changed: 'at least' → 'more than'",
};
