import { describe, expect, it } from 'vitest';
import { articleFromText } from '../index.js';
import { extractAll } from './extracted.js';
import { quoteConflictFindings } from './quote-conflicts.js';

const report = (body: string, source: string, published: string) =>
  extractAll(articleFromText(`Council votes to close Brackley library\n\n${body}`, { source, published }));

const gazette = report(
  'Mayor Ilse Varga called the vote “a reckless and cruel decision that punishes the poorest readers,” and said she would appeal. ' +
    '“We will fight this in every court we can,” Varga told reporters.',
  'gazette.txt',
  '2026-03-04T09:00:00Z',
);

describe('quoteConflictFindings: independent reports quoting one statement in different words', () => {
  it('flags a word swapped inside the marks, with both spans, against the earlier report', () => {
    const herald = report(
      'The mayor, Ilse Varga, said it was “a reckless and heartless decision that punishes the poorest readers”.',
      'herald.txt',
      '2026-03-04T11:00:00Z',
    );
    const [finding, ...rest] = quoteConflictFindings(gazette, herald);
    expect(rest).toEqual([]);
    expect(finding.type).toBe('conflict');
    expect(finding.article).toBe(herald.article.id);
    expect(finding.sourceArticle).toBe(gazette.article.id);
    expect(finding.text).toContain('heartless');
    expect(finding.sourceText).toContain('cruel');
    expect(finding.explanation).toBe("independent reports quote Ilse Varga differently: 'cruel' vs 'heartless'");
  });

  it('leaves partial, trimmed and house-style variants alone', () => {
    const herald = report(
      'Varga said the closure “punishes the poorest readers” and added: “We will fight this in every court …”',
      'herald.txt',
      '2026-03-04T11:00:00Z',
    );
    expect(quoteConflictFindings(gazette, herald)).toEqual([]);
  });

  it('does not pair a statement with a different speaker saying similar words', () => {
    const herald = report(
      'Opposition leader Tomas Brandt said: “We will fight this in every court and every ward.”',
      'herald.txt',
      '2026-03-04T11:00:00Z',
    );
    expect(quoteConflictFindings(gazette, herald)).toEqual([]);
  });
});
