import { describe, expect, it } from 'vitest';
import { originalSlice } from '../core/offsets.js';
import type { RawArticle } from '../core/types.js';
import { cleanArticle } from './index.js';
import { normalizeInline } from './normalize.js';

const raw = (body: string, extra: Partial<RawArticle> = {}): RawArticle => ({
  source: 'test.txt',
  format: 'txt',
  body,
  ...extra,
});

describe('cleanArticle', () => {
  it('folds whitespace, drops invisible characters and joins paragraphs with a blank line', () => {
    const clean = cleanArticle(
      raw('  The  harbour\u00a0fire\u200b spread.  \n\n\n Crews   arrived at 9.\r\nIt was out by noon. '),
    );
    expect(clean.text).toBe('The harbour fire spread.\n\nCrews arrived at 9.\n\nIt was out by noon.');
  });

  it('composes to NFC but keeps curly quotes and the ellipsis character as typed', () => {
    const clean = cleanArticle(raw('“Cafe\u0301 owners… won’t leave,” she said.'));
    expect(clean.text).toBe('“Café owners… won’t leave,” she said.');
  });

  it('joins the lines of hard-wrapped paragraphs', () => {
    const body =
      'The port authority said on Tuesday that the eastern quay would stay\n' +
      'closed for at least a week while engineers inspected the damage done\n' +
      'by the fire that broke out in a warehouse late on Sunday evening.\n\n' +
      'Dock workers were sent home with full pay, a spokesperson for the\n' +
      'authority told reporters at a briefing near the harbour entrance.';
    const clean = cleanArticle(raw(body));
    expect(clean.text.split('\n\n')).toHaveLength(2);
    expect(clean.text).toContain('would stay closed for at least a week');
  });

  it('derives id and content hash from the normalised text only', () => {
    const a = cleanArticle(raw('Crews  arrived.\n\nIt was out.', { source: 'a.txt' }));
    const b = cleanArticle(raw('Crews arrived.\n\n\nIt was out.\n', { source: 'b.html', format: 'html' }));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.id).toBe(a.contentHash.slice(0, 16));
    expect(b.id).toBe(a.id);
  });

  it('falls back to the first line for a missing title', () => {
    expect(cleanArticle(raw('Harbour fire closes quay\n\nCrews arrived.')).title).toBe('Harbour fire closes quay');
    expect(cleanArticle(raw('x', { title: '  Given\u00a0title ' })).title).toBe('Given title');
  });

  it('maps every clean span back to the original text it came from', () => {
    const body = ' “Cafe\u0301s  closed,”\u00a0said  Ana\u200bïs Roux.\n\n\n  The quay… reopens\r\n\r\nsoon . ';
    const clean = cleanArticle(raw(body));
    const words = [...clean.text.matchAll(/\S+( \S+)?/g)];
    for (const m of words) {
      const span = [m.index, m.index + m[0].length] as const;
      expect(normalizeInline(originalSlice(clean, span))).toBe(m[0]);
    }
    for (let i = 0; i < clean.text.length; i++) {
      for (let j = i + 1; j <= Math.min(clean.text.length, i + 12); j++) {
        const piece = clean.text.slice(i, j);
        if (piece.includes('\n') || piece.startsWith(' ') || piece.endsWith(' ')) continue;
        expect(normalizeInline(originalSlice(clean, [i, j]))).toBe(piece);
      }
    }
  });
});
