import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect, PARAGRAPHS, STORY, scratchDir } from './test-fixtures.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeEach(async () => {
  scratch = await scratchDir();
});
afterEach(() => scratch.cleanup());

describe('JSON and JSONL records', () => {
  it('reads the documented fields; source is <file>#<id> with externalId set', async () => {
    const file = await scratch.file(
      'batch.jsonl',
      [
        JSON.stringify({
          id: 'wire-1',
          url: 'https://northwire.example/fire',
          title: 'Harbour fire',
          text: STORY,
          published: '2026-03-14T09:30:00Z',
          outlet: 'Northwire',
        }),
        JSON.stringify({ title: 'No id here', text: PARAGRAPHS[0] }),
      ].join('\n'),
    );
    const { articles, errors } = await collect([file]);
    expect(errors).toEqual([]);
    expect(articles[0]).toMatchObject({
      source: `${file}#wire-1`,
      externalId: 'wire-1',
      format: 'json',
      url: 'https://northwire.example/fire',
      title: 'Harbour fire',
      published: '2026-03-14T09:30:00.000Z',
      outlet: 'Northwire',
      body: STORY,
    });
    expect(articles[1].source).toBe(`${file}#2`);
  });

  it('reads an html field through the HTML reader', async () => {
    const html = `<html><head><title>Quay fire</title></head><body><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const file = await scratch.file('one.json', JSON.stringify({ id: 'x', html }));
    const { articles } = await collect([file]);
    expect(articles[0].body).toContain('Fire crews worked through the night');
    expect(articles[0].source).toBe(file);
  });

  it('reports one malformed line as <file>:<line> and goes on with the rest', async () => {
    const good = JSON.stringify({ id: 'a', text: STORY });
    const file = await scratch.file(
      'mixed.jsonl',
      `${good}\n{"id": "b", "text": \n\n${JSON.stringify({ id: 'c', title: 'no body' })}\n${JSON.stringify({ id: 'd', text: STORY })}\n`,
    );
    const { articles, errors } = await collect([file]);
    expect(articles.map((a) => a.externalId)).toEqual(['a', 'd']);
    expect(errors).toHaveLength(2);
    expect(errors[0].source).toBe(`${file}:2`);
    expect(errors[0].reason).toMatch(/^malformed JSON line/);
    expect(errors[1]).toEqual({ source: `${file}#c`, reason: 'record has neither "text" nor "html"' });
  });

  it('reads JSONL from standard input for "-"', async () => {
    const stdin = Readable.from([`${JSON.stringify({ id: 's1', text: STORY })}\n`]);
    const { articles } = await collect(['-'], { stdin });
    expect(articles[0]).toMatchObject({ source: 'stdin#s1', externalId: 's1' });
  });

  it('refuses a malformed .json file with one error', async () => {
    const file = await scratch.file('broken.json', '{"id": "a", "text": "unterminated');
    const { articles, errors } = await collect([file]);
    expect(articles).toEqual([]);
    expect(errors[0].source).toBe(file);
    expect(errors[0].reason).toMatch(/^malformed JSON/);
  });
});
