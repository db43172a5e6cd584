import type { Article, Sentence } from '../core/types.js';
import { quoteMask } from './quotes.js';
import { toSortedSet, union } from './sorted-sets.js';
import { contentKey, keyId, keyInfo } from './vocabulary.js';

/**
 * Everything the similarity needs about one sentence, computed once per article so that comparing
 * two sentences is only merges of sorted typed arrays (no strings, no maps).
 */
export interface SentenceFeatures {
  /** Sentence indices this covers (two for a merged 1–2 candidate). */
  sentences: number[];
  /** Content key ids, sorted unique, with their rarity weights in `weights` (same order). */
  keys: Int32Array;
  weights: Float32Array;
  /** Σ weights. */
  total: number;
  /** WordNet concepts of all keys, sorted unique: "does the other sentence have a synonym of x?" */
  concepts: Int32Array;
  /** The subset of `keys` that are numbers. */
  numbers: Int32Array;
  /** Keys of proper nouns: a name on one side only usually means another actor or place. */
  names: Int32Array;
  /** Holds a negation ("not", "n't", "never", "no"): "did not deny" is not "denied". */
  negated: boolean;
  /** Surface words (lower-cased, punctuation dropped) as hashes, in order: for word-level LCS. */
  sequence: Int32Array;
  /** The same words as hashed 1-, 2- and 3-grams. */
  words: Int32Array;
  wordBigrams: Int32Array;
  wordTrigrams: Int32Array;
  /** Consecutive content-key pairs: word order at the level of meaning. */
  keyBigrams: Int32Array;
  /** Character trigrams of the letters and digits only: "U.S." ~ "US", "months-long" ~ "monthslong". */
  grams: Int32Array;
  /** Non-punctuation token count. */
  length: number;
  /** Share of the content weight that sits inside quotation marks. */
  quoteShare: number;
  /**
   * A heading, bullet or boilerplate line rather than a sentence of the story: a paragraph of its
   * own, short, with no closing punctuation ("Table of Contents", "U.S. Actions and Allegations").
   */
  heading: boolean;
  /**
   * Hash of everything the similarity reads (words in order, content keys in order, character
   * trigrams): two sentences with one fingerprint score alike against anything, so a story of
   * many copies scores each distinct pair of sentences once.
   */
  fingerprint: number;
}

export interface ArticleFeatures {
  sentences: SentenceFeatures[];
  /** Inverted index: key or concept id → sentences holding it (for cheap candidate pruning). */
  postings: Map<number, number[]>;
  /** Sentence i and i + 1 read as one, built on first use (see mergedAt). */
  merged: (SentenceFeatures | undefined)[];
}

/** Headings are short: a real one-sentence paragraph without a full stop is rare above 14 words. */
const HEADING_MAX_WORDS = 14;

function hashPair(a: number, b: number): number {
  return Math.imul(a ^ 0x9e3779b1, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
}

function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

function charTrigrams(text: string): Int32Array {
  const letters = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const grams = new Int32Array(Math.max(0, letters.length - 2));
  for (let i = 0; i + 2 < letters.length; i++) {
    grams[i] =
      (Math.imul(Math.imul(letters.charCodeAt(i), 65599) + letters.charCodeAt(i + 1), 65599) +
        letters.charCodeAt(i + 2)) |
      0;
  }
  return toSortedSet(grams);
}

function hashAll(h: number, values: ArrayLike<number>): number {
  let x = h;
  for (let i = 0; i < values.length; i++) x = hashPair(x, values[i]);
  return hashPair(x, values.length);
}

function isHeading(article: Article, sentence: Sentence, length: number): boolean {
  const paragraph = article.paragraphs[sentence.paragraph];
  const alone = paragraph !== undefined && paragraph[0] === sentence.span[0] && paragraph[1] === sentence.span[1];
  return alone && length <= HEADING_MAX_WORDS && !/[.!?:"”’'…]\s*$/.test(sentence.text);
}

const NEGATIONS = new Set([
  'not',
  "n't",
  'n’t',
  'no',
  'never',
  'nothing',
  'none',
  'nobody',
  'neither',
  'nor',
  'without',
]);

function sentenceFeatures(article: Article, sentence: Sentence, inQuote: Uint8Array): SentenceFeatures {
  const keyList: number[] = [];
  const nameList: number[] = [];
  let negated = false;
  const order: number[] = [];
  const words: number[] = [];
  let quoted = 0;
  let weighted = 0;
  for (const token of sentence.tokens) {
    if (token.pos === 'PUNCT') continue;
    const surface = token.text.toLowerCase().replace(/[.’']/g, '');
    if (surface) words.push(wordHash(surface));
    if (NEGATIONS.has(token.text.toLowerCase())) negated = true;
    const key = contentKey(token.lemma, token.pos);
    if (key === undefined) continue;
    const id = keyId(key);
    if (token.pos === 'PROPN') nameList.push(id);
    order.push(id);
    if (!keyList.includes(id)) {
      keyList.push(id);
      const w = keyInfo(id).weight;
      weighted += w;
      if (inQuote[token.span[0]]) quoted += w;
    }
  }
  const keys = toSortedSet(keyList);
  const weights = new Float32Array(keys.length);
  const concepts: number[] = [];
  const numbers: number[] = [];
  let total = 0;
  keys.forEach((id, i) => {
    const info = keyInfo(id);
    weights[i] = info.weight;
    total += info.weight;
    if (info.concepts) for (const c of info.concepts) concepts.push(c);
    if (info.isNumber) numbers.push(id);
  });
  const bigrams: number[] = [];
  for (let i = 1; i < words.length; i++) bigrams.push(hashPair(words[i - 1], words[i]));
  const trigrams: number[] = [];
  for (let i = 2; i < words.length; i++) trigrams.push(hashPair(hashPair(words[i - 2], words[i - 1]), words[i]));
  const keyBigrams: number[] = [];
  for (let i = 1; i < order.length; i++) keyBigrams.push(hashPair(order[i - 1] + 1, order[i] + 1));
  const grams = charTrigrams(sentence.text);
  return {
    sentences: [sentence.index],
    sequence: Int32Array.from(words),
    keys,
    weights,
    total,
    concepts: toSortedSet(concepts),
    numbers: toSortedSet(numbers),
    names: toSortedSet(nameList),
    negated,
    words: toSortedSet(words),
    wordBigrams: toSortedSet(bigrams),
    wordTrigrams: toSortedSet(trigrams),
    keyBigrams: toSortedSet(keyBigrams),
    grams,
    length: words.length,
    quoteShare: weighted > 0 ? quoted / weighted : 0,
    heading: isHeading(article, sentence, words.length),
    fingerprint: hashAll(hashAll(hashAll(0x3c6ef372, words), order), grams),
  };
}

/** Features of two consecutive sentences read as one (for 1–2 and 2–1 alignments). */
export function mergeFeatures(x: SentenceFeatures, y: SentenceFeatures): SentenceFeatures {
  const keys = union(x.keys, y.keys);
  const weights = new Float32Array(keys.length);
  let total = 0;
  keys.forEach((id, i) => {
    weights[i] = keyInfo(id).weight;
    total += weights[i];
  });
  return {
    sentences: [...x.sentences, ...y.sentences],
    sequence: Int32Array.of(...x.sequence, ...y.sequence),
    keys,
    weights,
    total,
    concepts: union(x.concepts, y.concepts),
    numbers: union(x.numbers, y.numbers),
    names: union(x.names, y.names),
    negated: x.negated || y.negated,
    words: union(x.words, y.words),
    wordBigrams: union(x.wordBigrams, y.wordBigrams),
    wordTrigrams: union(x.wordTrigrams, y.wordTrigrams),
    keyBigrams: union(x.keyBigrams, y.keyBigrams),
    grams: union(x.grams, y.grams),
    length: x.length + y.length,
    quoteShare: x.total + y.total > 0 ? (x.quoteShare * x.total + y.quoteShare * y.total) / (x.total + y.total) : 0,
    heading: x.heading && y.heading,
    fingerprint: hashPair(x.fingerprint ^ 0x27d4eb2f, y.fingerprint),
  };
}

const none = new Int32Array(0);
const EMPTY: SentenceFeatures = {
  sentences: [],
  sequence: none,
  keys: none,
  weights: new Float32Array(0),
  total: 0,
  concepts: none,
  numbers: none,
  names: none,
  negated: false,
  words: none,
  wordBigrams: none,
  wordTrigrams: none,
  keyBigrams: none,
  grams: none,
  length: 0,
  quoteShare: 0,
  heading: false,
  fingerprint: 0,
};

const cache = new WeakMap<Article, ArticleFeatures>();

/** Per-sentence features of an article, computed once and cached for the article's lifetime. */
export function articleFeatures(article: Article): ArticleFeatures {
  const hit = cache.get(article);
  if (hit) return hit;
  const inQuote = quoteMask(article);
  const sentences = article.sentences.map((s) => sentenceFeatures(article, s, inQuote));
  const postings = new Map<number, number[]>();
  sentences.forEach((f, index) => {
    for (const id of f.keys) {
      const list = postings.get(id);
      if (list) list.push(index);
      else postings.set(id, [index]);
    }
  });
  const features: ArticleFeatures = { sentences, postings, merged: [] };
  cache.set(article, features);
  return features;
}

/** Sentences i and i + 1 of an article read as one, computed once per article. */
export function mergedAt(features: ArticleFeatures, i: number): SentenceFeatures {
  let m = features.merged[i];
  if (!m) {
    m = mergeFeatures(features.sentences[i], features.sentences[i + 1]);
    features.merged[i] = m;
  }
  return m;
}

/** Features of the consecutive sentences `indices` (one, or a 1–2 / 2–1 pair) read as one. */
export function joinedFeatures(features: ArticleFeatures, indices: number[]): SentenceFeatures {
  if (indices.length === 1) return features.sentences[indices[0]];
  if (indices.length === 2 && indices[1] === indices[0] + 1) return mergedAt(features, indices[0]);
  return indices.map((i) => features.sentences[i]).reduce((x, y) => mergeFeatures(x, y));
}

/** Features of a standalone sentence given as an Article of one sentence (used by MSRP eval). */
export function singleSentenceFeatures(article: Article): SentenceFeatures {
  const { sentences } = articleFeatures(article);
  return sentences.length === 0 ? EMPTY : sentences.reduce((acc, s) => mergeFeatures(acc, s));
}
