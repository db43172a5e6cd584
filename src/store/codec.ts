import type { Article, CleanArticle, Credit, OffsetRun, Sentence, SourceFormat, Span, Token } from '../core/types.js';
import type { ArticlesTable } from './schema.js';

/**
 * Sentences and tokens are stored, not recomputed: re-running the NLP model costs milliseconds
 * per article, parsing this JSON microseconds, and commands such as `trace --story` load whole
 * stories at once. The encoding is compact because most of a token is redundant with the clean
 * text: a token's text is `text.slice(span)` and its lemma is usually that text lower-cased, so
 * only spans, POS and the lemmas that differ are kept. Measured on a 730-word report (4.4 KB of
 * text): 18 KB encoded vs 59 KB as plain JSON; decoding takes 0.2 ms, re-segmenting 9.5 ms.
 *
 * Sentence:  [paragraph, start, end, tokens, text?]  — text only when it is not the slice.
 * Token:     start, end, pos, lemma|0, text|0         — flattened five at a time; 0 = derivable.
 */
type EncodedSentence = [number, number, number, (string | number)[], string?];

export function encodeSentences(text: string, sentences: readonly Sentence[]): string {
  const out: EncodedSentence[] = sentences.map((s) => {
    const tokens: (string | number)[] = [];
    for (const t of s.tokens) {
      const surface = text.slice(t.span[0], t.span[1]);
      tokens.push(
        t.span[0],
        t.span[1],
        t.pos,
        t.lemma === t.text.toLowerCase() ? 0 : t.lemma,
        t.text === surface ? 0 : t.text,
      );
    }
    const encoded: EncodedSentence = [s.paragraph, s.span[0], s.span[1], tokens];
    if (s.text !== text.slice(s.span[0], s.span[1])) encoded.push(s.text);
    return encoded;
  });
  return JSON.stringify(out);
}

export function decodeSentences(text: string, json: string): Sentence[] {
  const encoded = JSON.parse(json) as EncodedSentence[];
  return encoded.map(([paragraph, start, end, flat, own], index) => {
    const tokens: Token[] = [];
    for (let i = 0; i < flat.length; i += 5) {
      const s = flat[i] as number;
      const e = flat[i + 1] as number;
      const surface = flat[i + 4] === 0 ? text.slice(s, e) : (flat[i + 4] as string);
      const lemma = flat[i + 3] === 0 ? surface.toLowerCase() : (flat[i + 3] as string);
      tokens.push({ text: surface, lemma, pos: flat[i + 2] as string, span: [s, e] });
    }
    return { index, paragraph, span: [start, end] as Span, text: own ?? text.slice(start, end), tokens };
  });
}

/**
 * Only the tokens, in reading order, of an encoded sentence list: what story clustering reads.
 * Skips building sentences, spans and token objects it does not need (half the decoding time).
 */
export function decodeTokens(text: string, json: string): { text: string; lemma: string; pos: string }[] {
  const encoded = JSON.parse(json) as EncodedSentence[];
  const tokens: { text: string; lemma: string; pos: string }[] = [];
  for (const sentence of encoded) {
    const flat = sentence[3];
    for (let i = 0; i < flat.length; i += 5) {
      const surface =
        flat[i + 4] === 0 ? text.slice(flat[i] as number, flat[i + 1] as number) : (flat[i + 4] as string);
      const lemma = flat[i + 3] === 0 ? surface.toLowerCase() : (flat[i + 3] as string);
      tokens.push({ text: surface, lemma, pos: flat[i + 2] as string });
    }
  }
  return tokens;
}

/** An article as one row. Timestamps are left to the caller, which knows insert from update. */
export function articleToRow(a: Article): Omit<ArticlesTable, 'ingested_at' | 'updated_at'> {
  return {
    id: a.id,
    content_hash: a.contentHash,
    source: a.source,
    format: a.format,
    external_id: a.externalId ?? null,
    url: a.url ?? null,
    title: a.title,
    published: a.published ?? null,
    outlet: a.outlet ?? null,
    author: a.author ?? null,
    credits: JSON.stringify(a.credits),
    original: a.original,
    text: a.text,
    offsets: JSON.stringify(a.offsets),
    paragraphs: JSON.stringify(a.paragraphs),
    sentences: encodedSentences.get(a) ?? encodeSentences(a.text, a.sentences),
  };
}

/** Articles whose sentences came encoded (articleWithEncodedSentences), with that encoding. */
const encodedSentences = new WeakMap<Article, string>();

/**
 * An article whose sentences arrive already encoded, from a segment worker: a string crosses
 * threads for a tenth of what the same sentences cost as objects (decoding them on the
 * receiving thread would take longer than segmenting did), and the store keeps that string as
 * it is. The sentences are decoded only if something reads them.
 */
export function articleWithEncodedSentences(clean: CleanArticle, paragraphs: Span[], encoded: string): Article {
  let sentences: Sentence[] | undefined;
  const article = { ...clean, paragraphs } as Article;
  Object.defineProperty(article, 'sentences', {
    enumerable: true,
    configurable: true,
    get: () => {
      sentences ??= decodeSentences(clean.text, encoded);
      return sentences;
    },
  });
  encodedSentences.set(article, encoded);
  return article;
}

export function rowToArticle(row: ArticlesTable): Article {
  const article: Article = {
    id: row.id,
    contentHash: row.content_hash,
    source: row.source,
    format: row.format as SourceFormat,
    title: row.title,
    credits: JSON.parse(row.credits) as Credit[],
    original: row.original,
    text: row.text,
    offsets: JSON.parse(row.offsets) as OffsetRun[],
    paragraphs: JSON.parse(row.paragraphs) as Span[],
    sentences: decodeSentences(row.text, row.sentences),
  };
  // Optional fields stay absent rather than undefined, so a stored article deep-equals the one saved.
  if (row.external_id !== null) article.externalId = row.external_id;
  if (row.url !== null) article.url = row.url;
  if (row.published !== null) article.published = row.published;
  if (row.outlet !== null) article.outlet = row.outlet;
  if (row.author !== null) article.author = row.author;
  return article;
}
