import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { briefContext } from './context.js';
import { buildFacts } from './facts.js';
import { defaultExtractors } from './index.js';
import type { TraceResult } from './trace-result.js';

// Two independent reports of one flood (no derivation between them), worded differently.
const first = articleFromText(
  'Floodwater swept through the Ostvale district on Sunday, forcing 2,400 people from their homes. ' +
    'Two of the stranded were rescued by boat. The water reached the Gate 4 warehouse before dawn. ' +
    'Doctors said 35 patients were brought to the clinic, and 12 nurses were called in.',
  { published: '2026-05-04T08:00:00Z', source: 'first.txt' },
);
const second = articleFromText(
  'Rescue crews said 2,400 people had been evacuated in Ostvale by Monday morning. ' +
    'After 80 volunteers filled sandbags, the levee held. The surge raised the number of homes flooded to 310. Officials estimated repairs at $12.5 million. The clinic treated 35 people, and 12 hours later it closed.',
  { published: '2026-05-04T09:00:00Z', source: 'second.txt' },
);
const trace: TraceResult = { duplicates: [], derivations: [], alignments: [] };
const facts = buildFacts(briefContext([first, second], trace, defaultExtractors), []);

describe('buildFacts', () => {
  it('counts a specific figure given by two independent reports as one fact with two sources', () => {
    const evacuated = facts.find((f) => f.value === 2400);
    expect(evacuated).toMatchObject({ sources: 2, articles: [first.id, second.id] });
  });

  it('does not count the number in a name ("Gate 4") as a figure', () => {
    expect(facts.some((f) => f.value === 4)).toBe(false);
    expect(facts.find((f) => f.value === 80)).toMatchObject({ noun: 'volunteer' });
  });

  it('takes the counted noun of a partitive figure ("Two of the stranded")', () => {
    expect(facts.find((f) => f.value === 2)).toMatchObject({ noun: 'stranded', articles: [first.id] });
  });

  it('takes the noun of a tally that stands before its figure ("the number of homes flooded to 310")', () => {
    expect(facts.find((f) => f.value === 310)).toMatchObject({ noun: 'home' });
  });

  it('counts a figure of people and the same figure of a kind of person as one', () => {
    expect(facts.find((f) => f.value === 35)).toMatchObject({ noun: 'patient', sources: 2 });
    // Twelve nurses are people, but "12 hours" is not a count of them.
    expect(facts.filter((f) => f.value === 12).map((f) => f.sources)).toEqual([1, 1]);
  });

  it('takes one figure of a value in the same sentence of two versions as one quantity, whatever its noun', () => {
    const wire = articleFromText(
      'Three of the injured were in critical condition. More than 60 firefighters from five departments fought the fire.',
      { published: '2026-05-04T08:00:00Z', source: 'wire.txt' },
    );
    const copy = articleFromText(
      'Three of those hurt are in critical condition. Firefighters from five departments, more than 60 in all, fought the fire.',
      { published: '2026-05-04T09:00:00Z', source: 'copy.txt' },
    );
    const paired: TraceResult = {
      duplicates: [],
      derivations: [
        { source: wire.id, target: copy.id, class: 'wholly-derived', mode: 'edited', confidence: 1, evidence: [] },
      ],
      alignments: [
        {
          a: wire.id,
          b: copy.id,
          pairs: [
            { a: [0], b: [0], kind: 'edited', similarity: 0.8 },
            { a: [1], b: [1], kind: 'edited', similarity: 0.8 },
          ],
        },
      ],
    };
    const copied = buildFacts(briefContext([wire, copy], paired, defaultExtractors), []);
    for (const value of [3, 60, 5]) expect(copied.find((f) => f.value === value)?.articles).toEqual([wire.id, copy.id]);
  });
});
