import type { Sentence } from '../core/types.js';

/**
 * Lemmas that carry a sentence's content: nouns, names, verbs, adjectives, numbers. Function words
 * and the verbs every news sentence has ("be", "have", "say") are left out: two sentences are
 * "about the same thing" when they share the words that differ between stories.
 */
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const EMPTY_LEMMAS = new Set(['be', 'have', 'say', 'do', 'tell', 'add', 'make', 'get', 'go', 'will', 'would']);

export function contentLemmas(sentence: Sentence, skip?: (span: readonly [number, number]) => boolean): Set<string> {
  const lemmas = new Set<string>();
  for (const token of sentence.tokens) {
    if (!CONTENT_POS.has(token.pos)) continue;
    if (skip?.(token.span)) continue;
    const lemma = token.lemma.toLowerCase();
    if (!EMPTY_LEMMAS.has(lemma) && /[\p{L}\p{N}]/u.test(lemma)) lemmas.add(lemma);
  }
  return lemmas;
}

/** |A ∩ B| / |A ∪ B|, 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** |A ∩ B| / min(|A|, |B|): high when one is a shortened version of the other. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / smaller;
}
