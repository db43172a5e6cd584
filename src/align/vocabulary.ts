import { wordWeight } from './word-weights.js';
import { lexicon } from './wordnet.js';

/**
 * Turns tokens into the comparison keys the aligner counts, and interns each key as a small int
 * with its rarity weight and WordNet concepts. One process-wide table, so that sentence features
 * of different articles are directly comparable.
 */

/**
 * Parts of speech that carry content. Function words (DET, ADP, AUX, PRON, CCONJ …) are left to
 * the surface n-gram features: they say nothing about a shared source on their own.
 */
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM', 'X', 'SYM']);

/** Light verbs that the tagger sometimes calls VERB rather than AUX. */
const LIGHT_LEMMAS = new Set(['be', 'have', 'do', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall']);

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
  billion: '1000000000',
};

/**
 * WordNet's "morphy" detachment rules, used when the tagger left a word unlemmatised (it calls
 * capitalised headline words PROPN: "Negotiations" stays "negotiations").
 */
const DETACHMENTS: [string, string][] = [
  ['ies', 'y'],
  ['ses', 's'],
  ['xes', 'x'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['s', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['ed', 'e'],
  ['ed', ''],
];

export interface KeyInfo {
  weight: number;
  concepts: Int32Array | undefined;
  isNumber: boolean;
}

const ids = new Map<string, number>();
const infos: KeyInfo[] = [];

/** The comparison key of a token, or undefined when the token carries no content. */
export function contentKey(lemma: string, pos: string): string | undefined {
  if (!CONTENT_POS.has(pos)) return undefined;
  // "U.S." and "US", "eBay's" and "eBay", "1,200" and "1200" compare equal.
  let key = lemma.toLowerCase().replace(/[.,’'`]/g, '');
  if (!/[\p{L}\p{N}]/u.test(key)) return undefined;
  if (LIGHT_LEMMAS.has(key)) return undefined;
  const numberWord = NUMBER_WORDS[key];
  if (numberWord) return numberWord;
  if (/\d/.test(key)) return key;
  const lex = lexicon();
  if (!lex.has(key) && /^[a-z]+$/.test(key)) {
    for (const [suffix, replacement] of DETACHMENTS) {
      if (key.length > suffix.length + 2 && key.endsWith(suffix)) {
        const base = key.slice(0, key.length - suffix.length) + replacement;
        if (lex.has(base)) {
          key = base;
          break;
        }
      }
    }
  }
  return key;
}

/** The interned id of a key. */
export function keyId(key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = infos.length;
    ids.set(key, id);
    infos.push({ weight: wordWeight(key), concepts: lexicon().concepts(key), isNumber: /^\d/.test(key) });
  }
  return id;
}

export function keyInfo(id: number): KeyInfo {
  return infos[id];
}
