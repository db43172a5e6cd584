import { cleanArticle } from '../clean/index.js';
import { segmentArticle } from '../segment/index.js';
import type { Article, RawArticle } from './types.js';

/** Clean and segment one raw article: the form every later stage works on. */
export function prepareArticle(raw: RawArticle): Article {
  return segmentArticle(cleanArticle(raw));
}

export interface TextMetadata {
  title?: string;
  published?: string;
  outlet?: string;
  url?: string;
  source?: string;
  externalId?: string;
}

/**
 * An Article from plain text, as if read from a .txt file: the way tests, evals and the library
 * API (`analyze([{ text }])`) make articles without touching the file system.
 */
export function articleFromText(text: string, meta: TextMetadata = {}): Article {
  return prepareArticle({
    source: meta.source ?? meta.url ?? meta.externalId ?? 'text',
    format: 'txt',
    body: text,
    title: meta.title,
    published: meta.published,
    outlet: meta.outlet,
    url: meta.url,
    externalId: meta.externalId,
  });
}
