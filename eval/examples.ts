/**
 * The bundled examples as the example-scored eval tasks read them: examples/truth.json, and each
 * truth article prepared by the same ingest and prepare path the pipeline uses, by truth key.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { prepareArticle } from '../src/core/prepare.js';
import type { Article, RawArticle, Span } from '../src/core/types.js';
import { readInputs } from '../src/ingest/index.js';

/** How truth.json names an article: its file, and the record inside a feed or batch file. */
export interface TruthArticleRef {
  key: string;
  file: string;
  recordId: string | null;
}

export interface Examples<T> {
  truth: T;
  /** Prepared articles by truth key. */
  byKey: Map<string, Article>;
  /** Truth key by article id. */
  keyById: Map<string, string>;
}

function keyOf(raw: RawArticle, articles: readonly TruthArticleRef[], examplesDir: string): string | undefined {
  const file = path.relative(examplesDir, raw.source.split('#')[0]);
  return articles.find(
    (a) =>
      a.file === file &&
      (a.recordId === null || raw.externalId === a.recordId || raw.source.endsWith(`#${a.recordId}`)),
  )?.key;
}

export async function loadExamples<T extends { articles: TruthArticleRef[] }>(
  examplesDir: string,
): Promise<Examples<T>> {
  const truth = JSON.parse(await readFile(path.join(examplesDir, 'truth.json'), 'utf8')) as T;
  const byKey = new Map<string, Article>();
  for await (const item of readInputs([examplesDir])) {
    if (!('body' in item)) continue;
    const key = keyOf(item, truth.articles, examplesDir);
    if (key) byKey.set(key, prepareArticle(item));
  }
  return { truth, byKey, keyById: new Map([...byKey].map(([k, a]) => [a.id, k])) };
}

/** Where a truth string sits in an article's original text (whitespace runs may differ). */
export function locate(article: Article | undefined, text: string): Span | undefined {
  if (!article) return undefined;
  const at = article.original.indexOf(text);
  if (at >= 0) return [at, at + text.length];
  const pattern = text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const m = new RegExp(pattern).exec(article.original);
  return m ? [m.index, m.index + m[0].length] : undefined;
}
