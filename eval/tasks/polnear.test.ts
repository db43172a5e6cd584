import { describe, expect, it } from 'vitest';
import { emptyCounts, goldQuotes, nfcOffsetMap, predictQuotes, score } from './polnear.js';

describe('polnear scoring', () => {
  it('maps offsets of the composed text back to a file with decomposed characters', () => {
    const text = 'Jose\u0301 said “hello there friends.”';
    const map = nfcOffsetMap(text);
    const composed = text.normalize('NFC');
    const at = composed.indexOf('said');
    expect(text.slice(map(at), map(at + 4))).toBe('said');
    expect(map(composed.length)).toBe(text.length);
  });

  it('scores speaker spans on the file’s offsets, so a decomposed character does not shift them', () => {
    const text = 'Rene\u0301e Park said, “We will open the school in May.”';
    const ann = [
      'T1\tSource 0 11\tRene\u0301e Park',
      'T2\tCue 12 16\tsaid',
      'T3\tContent 18 51\t“We will open the school in May.”',
      'T4\tAttribution 12 16\tsaid',
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    ].join('\n');
    const gold = goldQuotes(text, ann);
    expect(gold).toHaveLength(1);
    const c = emptyCounts();
    score(text, gold, predictQuotes(text), c);
    expect(c.speakerFound).toBe(1);
    expect(c.overlap).toBe(c.goldTokens);
  });
});
