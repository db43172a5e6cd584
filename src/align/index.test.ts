import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { align, alignmentKind, articleFeatures, PARAPHRASE_THRESHOLD, similarity } from './index.js';

/** Features of the only sentence of a one-sentence text. */
const sentence = (text: string) => articleFeatures(articleFromText(text)).sentences[0];

describe('alignmentKind', () => {
  const source = 'Witnesses described a flash and a roar that rattled windows more than two miles away.';

  it('labels a word-for-word copy identical', () => {
    expect(alignmentKind(sentence(source), sentence(source))).toBe('identical');
  });

  it('labels a trimmed copy edited', () => {
    const trimmed = 'Witnesses described a flash and a roar that rattled windows.';
    expect(alignmentKind(sentence(source), sentence(trimmed))).toBe('edited');
  });

  it('labels a copy with one changed attribution verb edited', () => {
    expect(
      alignmentKind(
        sentence('"We owe these families answers, and we will get them," she said.'),
        sentence('"We owe these families answers, and we will get them," she stated.'),
      ),
    ).toBe('edited');
  });

  it('labels synonyms swapped throughout paraphrased, even when long stretches survive', () => {
    const spun = 'Eyewitnesses reported a bright flash and a loud roar that shook windows more than two miles away.';
    expect(alignmentKind(sentence(source), sentence(spun))).toBe('paraphrased');
  });
});

describe('align', () => {
  const original = [
    'A ferry ran aground off Stanholm on Friday morning with 212 passengers on board.',
    'The coastguard said nobody was hurt and that the hull had not been breached.',
    'Passengers were taken ashore by lifeboat over three hours.',
    'The operator said the ferry would be towed to Kessbridge for inspection on Saturday.',
  ].join('\n\n');

  it('keeps order and skips headings and filler that only one side has', () => {
    const rewrite = [
      'A ferry ran aground off Stanholm on Friday morning with 212 passengers on board.',
      'What We Know So Far',
      'The coastguard said nobody was hurt and that the hull had not been breached.',
      'Stay tuned for more updates as this story develops.',
      'Passengers were brought ashore by lifeboat over three hours.',
      'The operator said the ferry would be towed to Kessbridge for inspection on Saturday.',
    ].join('\n\n');
    const a = articleFromText(original);
    const b = articleFromText(rewrite);
    const pairs = align(a, b).pairs;
    const text = (i: number) => b.sentences[i].text;
    expect(pairs.map((p) => [p.a, p.b.map(text)])).toEqual([
      [[0], [text(0)]],
      [[1], [expect.stringContaining('coastguard')]],
      [[2], [expect.stringContaining('brought ashore')]],
      [[3], [expect.stringContaining('towed')]],
    ]);
    expect(pairs.map((p) => p.kind)).toEqual(['identical', 'identical', 'edited', 'identical']);
  });

  it('links nothing between unrelated texts', () => {
    const other = articleFromText(
      'The museum opened a new gallery of fossil fish on Sunday.\n\nEntry is free for children under 12.',
    );
    expect(align(articleFromText(original), other).pairs).toEqual([]);
  });
});

describe('sentence fingerprints', () => {
  it('are equal for the same sentence in two articles and differ for an edited one', () => {
    const a = articleFeatures(articleFromText('The pier reopened on Friday.\n\nTrade resumed at noon.')).sentences;
    const b = articleFeatures(articleFromText('Trade resumed at noon.\n\nThe pier reopened on Saturday.')).sentences;
    expect(a[1].fingerprint).toBe(b[0].fingerprint);
    expect(a[0].fingerprint).not.toBe(b[1].fingerprint);
  });

  it('let a repeated alignment (scores memoised) give the same result as the first', () => {
    const x = articleFromText('A ferry ran aground off Stanholm.\n\nNobody was hurt, the coastguard said.');
    const y = articleFromText('A ferry ran aground off Stanholm on Friday.\n\nThe coastguard said nobody was hurt.');
    const first = align(x, y);
    expect(align(articleFromText(x.original), articleFromText(y.original))).toEqual(first);
  });
});

describe('similarity', () => {
  const claim = 'The harbour board approved the new ferry terminal on Monday after a two-year review.';

  it('rates a reworded sentence with the same facts a paraphrase', () => {
    const reworded = 'After a two-year review, the harbour board on Monday approved the new ferry terminal.';
    expect(similarity(sentence(claim), sentence(reworded))).toBeGreaterThan(PARAPHRASE_THRESHOLD);
  });

  it('rates the same words lower once a negation, another name or another number enters', () => {
    const base = similarity(sentence(claim), sentence(claim));
    for (const other of [
      'The harbour board did not approve the new ferry terminal on Monday after a two-year review.',
      'The Kestrel harbour board approved the new ferry terminal on Monday after a two-year review.',
      'The harbour board approved the new ferry terminal on Monday after a five-year review.',
    ]) {
      expect(similarity(sentence(claim), sentence(other))).toBeLessThan(base);
    }
  });
});
