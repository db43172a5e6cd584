import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../index.js';

const STORY = 'Fire crews worked through the night at the Port Ellis grain terminal, officials said.';
const clean = (body: string) => cleanArticle({ source: 'credits.txt', format: 'txt', body });
const names = (body: string) => clean(body).credits.map((c) => [c.kind, c.name]);

describe('credit lines', () => {
  it('lifts a copyright line with its legal tail out of the text, for any holder', () => {
    const body = `${STORY}\nCopyright 2026 Northwire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.`;
    const c = clean(body);
    expect(c.text).toBe(STORY);
    expect(c.credits).toHaveLength(1);
    expect(c.credits[0]).toMatchObject({ kind: 'copyright', name: 'Northwire' });
    expect(body.slice(...c.credits[0].span)).toBe(c.credits[0].text);
    expect(names(`${STORY}\n© 2026 The Calder Courier`)).toEqual([['copyright', 'Calder Courier']]);
  });

  it('reads agency sign-offs as a paragraph or at the end of the last sentence', () => {
    expect(names(`${STORY}\n– Northwire/Agencies`)).toEqual([['agency', 'Northwire/Agencies']]);
    expect(names(`${STORY}\n— Staff and agencies`)).toEqual([['agency', 'Staff and agencies']]);
    const c = clean(`${STORY} – Northwire/Agencies`);
    expect(c.text).toBe(STORY);
    expect(c.credits[0].text).toBe('– Northwire/Agencies');
  });

  it('reads a syndication notice as the credit of the outlet the copy came from, and drops disclaimers', () => {
    const c = clean(
      `${STORY}\nThis article is syndicated from The Harbour Ledger under licence.\nThis site is not responsible for its content.`,
    );
    expect(c.text).toBe(STORY);
    expect(c.credits.map((x) => [x.kind, x.name, x.text])).toEqual([['agency', 'Harbour Ledger', 'Harbour Ledger']]);
    expect(names(`This story originally appeared in the Tarrow Gazette.\n${STORY}`)).toEqual([
      ['agency', 'Tarrow Gazette'],
    ]);
    expect(names(`${STORY}\nRepublished with permission from Coastwire.`)).toEqual([['agency', 'Coastwire']]);
  });

  it('leaves "originally appeared" alone in the middle of a story', () => {
    const middle = 'The claim originally appeared in a post by a local councillor, the paper said.';
    const body = [STORY, STORY, STORY, middle, STORY, STORY, STORY, STORY].join('\n');
    expect(clean(body).credits).toEqual([]);
  });

  it('leaves a dash inside a sentence alone', () => {
    const body = 'The mayor said the quay would reopen — eventually.';
    expect(clean(body).text).toBe(body);
  });

  it('reads contributor lines: the people and the agency', () => {
    expect(names(`${STORY}\nNorthwire writer Lina Okafor contributed to this report from Calder.`)).toEqual([
      ['agency', 'Northwire'],
      ['contributor', 'Lina Okafor'],
    ]);
    expect(names(`${STORY}\nHarbour Press Service writers Tomas Varga and Mei Lin Osei contributed.`)).toEqual([
      ['agency', 'Harbour Press Service'],
      ['contributor', 'Tomas Varga'],
      ['contributor', 'Mei Lin Osei'],
    ]);
    expect(names(`${STORY}\nReporting by Lina Okafor in Calder; Editing by Tomas Varga`)).toEqual([
      ['contributor', 'Lina Okafor'],
      ['contributor', 'Tomas Varga'],
    ]);
  });

  it('reads bylines near the top, with an outlet when one is named', () => {
    expect(names(`By Lina Okafor and Tomas Varga, Northwire\n${STORY}`)).toEqual([
      ['byline', 'Lina Okafor'],
      ['byline', 'Tomas Varga'],
      ['agency', 'Northwire'],
    ]);
    expect(names(`By LINA OKAFOR\n${STORY}`)).toEqual([['byline', 'Lina Okafor']]);
    const sentence = 'By Tuesday the fire was out and the quay had reopened to traffic.';
    expect(clean(`${sentence}\n${STORY}`).text).toBe(`${sentence}\n\n${STORY}`);
  });

  it('lifts the agency out of a wire dateline and keeps the place', () => {
    const c = clean('PORT ELLIS, Calder (Northwire) — Fire crews worked through the night.');
    expect(c.text).toBe('PORT ELLIS, Calder — Fire crews worked through the night.');
    expect(c.credits).toMatchObject([{ kind: 'agency', name: 'Northwire', text: '(Northwire)' }]);
  });
});
