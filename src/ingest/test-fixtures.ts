import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InputError, RawArticle } from '../core/types.js';
import { readInputs } from './index.js';

/**
 * Helpers for the ingest tests: a scratch directory per test, and invented article text long
 * enough to count as an article (the HTML reader refuses pages under 40 words).
 */
export async function scratchDir(): Promise<{
  dir: string;
  file: (name: string, content: string | Uint8Array) => Promise<string>;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'wiretrace-ingest-'));
  return {
    dir,
    async file(name, content) {
      const full = path.join(dir, name);
      await writeFile(full, content);
      return full;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export const PARAGRAPHS = [
  'Fire crews worked through the night at the Port Ellis grain terminal after a blaze broke out in a conveyor housing late on Sunday, the harbour authority said.',
  'No one was hurt, but the eastern quay will stay closed for at least a week while engineers inspect the damage, said Lina Okafor, a spokesperson for the authority.',
  '“We expect the first ships to berth again by Friday,” Okafor told reporters at a briefing near the harbour gates on Monday morning.',
];

export const STORY = PARAGRAPHS.join('\n\n');

export async function collect(
  paths: string[],
  options?: Parameters<typeof readInputs>[1],
): Promise<{ articles: RawArticle[]; errors: InputError[] }> {
  const articles: RawArticle[] = [];
  const errors: InputError[] = [];
  for await (const result of readInputs(paths, options)) {
    if ('body' in result) articles.push(result);
    else errors.push(result);
  }
  return { articles, errors };
}
