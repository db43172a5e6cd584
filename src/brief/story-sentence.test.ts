import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { isStorySentence } from './story-sentence.js';

function judged(text: string): boolean[] {
  return articleFromText(text).sentences.map(isStorySentence);
}

describe('isStorySentence', () => {
  it('keeps short real sentences and drops labels and title-case headings', () => {
    expect(
      judged('Overview\n\nHe declined to comment.\n\nWhat Caused the Harbour Fire?\n\nUS news\n\nThe fire is out.'),
    ).toEqual([false, true, false, false, true]);
  });

  it('keeps a sentence that opens with names', () => {
    expect(judged('Port Director Ana Ruiz said the Kessel Quay would reopen.')).toEqual([true]);
  });
});
