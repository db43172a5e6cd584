import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { briefContext } from './context.js';
import { buildFacts } from './facts.js';
import { defaultExtractors } from './index.js';
import { buildSummary } from './summary.js';
import type { TraceResult } from './trace-result.js';

const article = articleFromText(
  [
    'Storm closes Ostvale port as 2,400 residents are moved from the waterfront',
    'A storm closed the port of Ostvale on Sunday and forced 2,400 residents from the waterfront, officials said.',
    'Officials said 2,400 residents had left the waterfront district by nightfall on Sunday.',
    'Several boats and dozens of cars were damaged along the seafront road.',
    'Winds reached 140 kilometres an hour at the harbour mouth during the night.',
    'Three ferries were held at the quay and 45 containers fell into the water.',
    'Crews cleared 12 fallen trees and 30 tonnes of debris from the coast road.',
    'About 600 homes lost power and 19 schools cancelled classes.',
    'Insurers put early claims at $8.2 million from 310 households.',
    '"We have never seen the water this high," said harbour master Lena Voss.',
    'The port authority said it would assess the damage over the coming days.',
    'Power was restored to most homes in the district by Monday evening.',
    'Schools in the district will stay closed until Wednesday, the council said.',
  ].join('\n\n'),
  { published: '2026-05-04T08:00:00Z', source: 'storm.txt' },
);
const trace: TraceResult = { duplicates: [], derivations: [], alignments: [] };
const ctx = briefContext([article], trace, defaultExtractors);
const summary = buildSummary(ctx, buildFacts(ctx, []));
const texts = summary.map((s) => s.text);

describe('buildSummary', () => {
  it('leaves out a headline left in the body, which has no closing stop', () => {
    expect(texts.some((t) => t.startsWith('Storm closes'))).toBe(false);
  });

  it('prefers sentences with figures not yet stated over one repeating a figure', () => {
    expect(texts).toContain('Three ferries were held at the quay and 45 containers fell into the water.');
    expect(texts).toContain('Insurers put early claims at $8.2 million from 310 households.');
    expect(texts.filter((t) => t.includes('2,400'))).toHaveLength(1);
  });

  it('does not count vague quantities ("several", "dozens") as figures', () => {
    expect(texts.some((t) => t.startsWith('Several boats'))).toBe(false);
  });
});
