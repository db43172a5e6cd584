/**
 * Named entities (people, organisations, places) from compromise, a maintained rule-and-lexicon
 * English tagger that ships in an npm package (wink's lite model has no PERSON/ORG types).
 * compromise reports spans with trailing punctuation ("Okonjo,", "Paris."); they are trimmed.
 */
import nlp from 'compromise';
import type { Article, EntityMention, EntityType, Span } from '../../core/types.js';
import { sentenceAt } from '../sentence-index.js';

interface CompromiseMatch {
  text: string;
  offset: { start: number; length: number };
}

/** The part of a compromise view this module uses. */
interface View {
  json(options: { offset: boolean }): unknown;
}

function trimmed(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  // Keep the full stop of an abbreviation ("Jr.", "U.S.") but not a sentence's full stop or a comma.
  while (e > s && /[\s,;:!?)"“”’'»\u2014]/.test(text[e - 1])) e--;
  if (text[e - 1] === '.' && !/\b(?:[A-Z]\.)+$|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|St)\.$/.test(text.slice(s, e))) e--;
  while (s < e && /[\s("“‘«]/.test(text[s])) s++;
  return [s, e];
}

function mentions(article: Article, view: View, type: EntityType): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of view.json({ offset: true }) as CompromiseMatch[]) {
    const span = trimmed(article.text, m.offset.start, m.offset.start + m.offset.length);
    if (span[1] <= span[0]) continue;
    const text = article.text.slice(span[0], span[1]);
    // compromise tags possessives of places as places ("Norland’s"): keep the name only.
    const bare = text.replace(/['’]s$/, '');
    const end = span[0] + bare.length;
    out.push({ text: bare, type, span: [span[0], end], sentence: sentenceAt(article, span[0]) });
  }
  return out;
}

/** People, organisations and places named in the article, in text order. */
export function extractEntities(article: Article): EntityMention[] {
  const doc = nlp(article.text);
  return [
    ...mentions(article, doc.people(), 'person'),
    ...mentions(article, doc.organizations(), 'organization'),
    ...mentions(article, doc.places(), 'place'),
  ].sort((a, b) => a.span[0] - b.span[0]);
}
