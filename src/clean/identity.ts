import { createHash } from 'node:crypto';

/**
 * Content identity. The same story text (after normalisation and boilerplate removal) always
 * gets the same id, whatever file, format or page chrome it arrived in — which is what makes
 * re-ingest idempotent and exact duplicates collapse.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 16 hex characters (64 bits): collision-free in practice for any realistic archive. */
export function articleId(hash: string): string {
  return hash.slice(0, 16);
}
