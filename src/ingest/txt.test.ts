import { describe, expect, it } from 'vitest';
import { STORY } from './test-fixtures.js';
import { readText } from './txt.js';

describe('readText', () => {
  it('reads a title line and a date line, and keeps the byline in the body', () => {
    const result = readText(
      'a.txt',
      `Harbour fire closes Port Ellis quay\nMarch 14, 2026 09:30 GMT\nBy Lina Okafor, Northwire\n\n${STORY}`,
    );
    expect(result).toMatchObject({
      title: 'Harbour fire closes Port Ellis quay',
      published: '2026-03-14T09:30:00.000Z',
      author: 'Lina Okafor',
      outlet: 'Northwire',
      format: 'txt',
    });
    expect('body' in result && result.body.startsWith('By Lina Okafor, Northwire\n')).toBe(true);
  });

  it('reads "Key: value" header fields', () => {
    const result = readText('b.txt', `Title: Quay reopens\nPublished: 2026-03-20\nSource: Calder Courier\n\n${STORY}`);
    expect(result).toMatchObject({ title: 'Quay reopens', published: '2026-03-20', outlet: 'Calder Courier' });
    expect('body' in result && result.body).toBe(STORY);
  });

  it('does not take widget lines or first paragraphs for titles', () => {
    const widget = readText('c.txt', `Share and Follow\n${STORY}`);
    expect('title' in widget && widget.title).toBeFalsy();
    const paragraph = readText('d.txt', STORY);
    expect('title' in paragraph && paragraph.title).toBeFalsy();
    expect('body' in paragraph && paragraph.body).toBe(STORY);
  });

  it('does not take a headline that contains a date for a date line', () => {
    const result = readText('e.txt', `Harbour reopens on March 20, 2026 after fire\n\n${STORY}`);
    expect(result).toMatchObject({ title: 'Harbour reopens on March 20, 2026 after fire' });
    expect('published' in result && result.published).toBeFalsy();
  });

  it('refuses an empty or whitespace-only file', () => {
    expect(readText('f.txt', '  \n\n \t')).toEqual({ source: 'f.txt', reason: 'empty file (no text)' });
  });
});
