/**
 * Speaker phrases that are a rendering of someone's words, not someone: "a transcript of her
 * address", "the English translation of the interview", "Doe's letter". The attribution corpora
 * credit the phrase as written (PolNeAR's sources include "a transcript of the interview" and
 * "Hoff's letter"), so the span stays; readers want the person whose words were rendered, so
 * the speaker's name is that person's whenever the phrase, or the text before it, says who.
 */
import type { Article, Span, Token } from '../../core/types.js';
import { type Cast, type Person, roleMention } from '../entities/cast.js';
import type { TokenRange } from './speaker-span.js';

/** A record made of someone's words: "a transcript of …" names whose words in an "of" phrase. */
const RECORD =
  /^(?:translations?|transcripts?|texts?|recordings?|videos?|footage|excerpts?|copy|copies|versions?|clips?|audio|readouts?)$/;

/** The words themselves, given by their author: "her address", "a statement by Doe". */
const SPEECH =
  /^(?:statements?|remarks|interviews?|speech|speeches|address|addresses|letters?|posts?|tweets?|testimony|messages?|e-?mails?|op-eds?|memos?|broadcasts?|podcasts?|sermons?|lectures?)$/;

/** A lower-case noun for a rendering of someone's words ("transcript", "speech", "letter"). */
export function isRenderingNoun(word: string): boolean {
  return RECORD.test(word) || SPEECH.test(word);
}

/**
 * Whose words a rendering phrase carries:
 * - `person`: a phrase to resolve as a speaker is resolved — a pronoun ("her address"), a role
 *   ("the mayor's speech") or a name ("Doe's letter", "a video of Doe"); one that is no person
 *   ("their letter", "the AP translation") leaves the rendering with no one to name;
 * - `earlier`: a definite rendering with no owner of its own ("the interview"), which refers
 *   back to the last one the article mentioned;
 * - `none`: no owner written ("a transcript released on Monday").
 */
export type Owner = { kind: 'person'; range: TokenRange } | { kind: 'earlier'; noun: string } | { kind: 'none' };

const isPossessiveMark = (t: Token | undefined) => t !== undefined && /^['’]s?$/.test(t.text);

/** Words of a noun phrase up to its head: "English", "televised", "AP", "New Year's". */
function isModifier(t: Token): boolean {
  return ['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(t.pos);
}

/** A modifier at `k`, a participle too when a noun follows it ("a taped interview", not "the interview published"). */
function modifierAt(tokens: readonly Token[], k: number, end: number): boolean {
  const t = tokens[k];
  if (isModifier(t)) return true;
  return t.pos === 'VERB' && /ed$/.test(t.text) && k + 1 < end && isModifier(tokens[k + 1]);
}

/** The owner of the noun phrase opening at `start` read as a rendering, or undefined when its head is not one. */
function rendering(tokens: readonly Token[], start: number, end: number): Owner | undefined {
  let i = start;
  let definite = false;
  let owner: Owner | undefined;
  if (i < end && POSSESSIVE_PRONOUN.test(tokens[i].text)) {
    // "his address" is resolved as "he" would be; "their statement" is owned too, by no one person.
    owner = { kind: 'person', range: [i, i + 1] };
    i++;
  } else {
    if (i < end && tokens[i].pos === 'DET') {
      definite = /^(?:the|this|that|these|those)$/i.test(tokens[i].text);
      i++;
    }
    // "Doe's letter", "the mayor's speech": the possessor, with its determiner.
    let k = i;
    while (k < end && (modifierAt(tokens, k, end) || tokens[k].text === '.')) k++;
    if (k > i && k < end && isPossessiveMark(tokens[k])) {
      owner = { kind: 'person', range: [start, k] };
      i = k + 1;
    }
  }
  const first = i;
  let head = -1;
  while (i < end && (modifierAt(tokens, i, end) || isRenderingNoun(tokens[i].text))) head = i++;
  if (head < 0 || !isRenderingNoun(tokens[head].text)) return undefined;
  const next = tokens[head + 1]?.text.toLowerCase();
  if (!owner && head + 2 < end && next === 'of') {
    // "a transcript of her address" takes the owner of what it renders, "a video of Doe" the person shown.
    const inner = rendering(tokens, head + 2, end);
    owner = inner ?? { kind: 'person', range: nounPhrase(tokens, head + 2, end) };
  }
  // "a statement by Doe", "remarks from the mayor": the author of words given, not of a record of them.
  if (!owner && head + 2 < end && (next === 'by' || next === 'from') && SPEECH.test(tokens[head].text))
    owner = { kind: 'person', range: nounPhrase(tokens, head + 2, end) };
  // "the Doe interview", "the AP translation": a name set before the head owns it, as a possessive
  // would; one that modifies a noun of its own ("a Doe campaign memo") owns it with that noun.
  const name = tokens.slice(first, head).findIndex((t) => t.pos === 'PROPN');
  if (!owner && name >= 0) owner = { kind: 'person', range: [first + name, head] };
  return owner ?? (definite ? { kind: 'earlier', noun: tokens[head].lemma } : { kind: 'none' });
}

const POSSESSIVE_PRONOUN = /^(?:his|her|their|its|our|my|your)$/i;

/** A short noun phrase from `start` ("the mayor", "Jane Doe", "him"), a possessive mark left out. */
function nounPhrase(tokens: readonly Token[], start: number, end: number): TokenRange {
  if (start < end && /^(?:him|her)$/i.test(tokens[start].text)) return [start, start + 1];
  let i = start;
  if (i < end && tokens[i].pos === 'DET') i++;
  while (i < end && (modifierAt(tokens, i, end) || tokens[i].text === '.')) i++;
  return [start, i];
}

/** Who a speaker phrase that renders someone's words belongs to, or undefined when it is no rendering. */
export function renderingOwner(tokens: readonly Token[], range: TokenRange): Owner | undefined {
  return rendering(tokens, range[0], range[1]);
}

/** What resolving a rendering's owner needs from the article around the quote. */
export interface RenderingContext {
  article: Article;
  cast: Cast;
  tokens: readonly Token[];
  /** Sentence index of each token. */
  sentenceOf: readonly number[];
  insideQuote: (at: number) => boolean;
}

/**
 * The person a speaker phrase written at `range` stands for, if the cast knows one: a pronoun
 * ("he", "her", "who") resolves to the last person named, a role to its holder, a name to its
 * full form. Nobody new is added to the cast: a phrase that is not a known person is no owner.
 */
export function knownPerson(x: RenderingContext, range: Span): Person | undefined {
  const written = x.article.text
    .slice(range[0], range[1])
    .replace(/[,\s]+$/, '')
    .replace(/['’]s?$/, '');
  if (/^(?:he|she|him|his|her|who)$/i.test(written)) return x.cast.lastPersonBefore(range[0], x.insideQuote);
  const role = roleMention(written);
  if (role) return x.cast.roleHolder(role, range[0]);
  if (!/^\p{Lu}/u.test(written)) return undefined;
  return x.cast.find(x.cast.normalise(written));
}

function ownerPerson(x: RenderingContext, [s, e]: TokenRange): Person | undefined {
  return e > s ? knownPerson(x, [x.tokens[s].span[0], x.tokens[e - 1].span[1]]) : undefined;
}

/** The person whose words a rendering phrase at token `range` carries, when the text makes it clear. */
export function renderingSpeaker(x: RenderingContext, range: TokenRange): Person | undefined {
  const owner = renderingOwner(x.tokens, range);
  if (!owner) return undefined;
  if (owner.kind === 'person') return ownerPerson(x, owner.range);
  return owner.kind === 'earlier' ? earlierOwner(x, owner.noun, range[0]) : undefined;
}

/** How many paragraphs back "the interview" may refer. */
const EARLIER_PARAGRAPHS = 3;

/**
 * "The interview was taped on Tuesday. … “…,” according to a translation of the interview": a
 * definite rendering refers back to the last one of its kind. That one's owner is its own
 * possessor or "of" phrase, else the one person its sentence names; a sentence naming nobody
 * passes the question further back, and one naming several leaves it open.
 */
function earlierOwner(x: RenderingContext, noun: string, before: number): Person | undefined {
  const paragraphOf = (i: number) => x.article.sentences[x.sentenceOf[i]]?.paragraph ?? -1;
  const here = paragraphOf(before);
  for (let i = before - 1; i >= 0; i--) {
    // Further back a "the statement" is as likely someone else's, whose mention the writer left implicit.
    if (here - paragraphOf(i) > EARLIER_PARAGRAPHS) return undefined;
    const t = x.tokens[i];
    if (t.lemma !== noun || !isRenderingNoun(t.text.toLowerCase()) || x.insideQuote(t.span[0])) continue;
    let start = i;
    while (start > 0 && x.sentenceOf[start - 1] === x.sentenceOf[i] && phraseWord(x.tokens[start - 1])) start--;
    let end = i + 1;
    while (end < x.tokens.length && x.sentenceOf[end] === x.sentenceOf[i]) end++;
    const found = rendering(x.tokens, start, end);
    // An owner written with it decides, even one that is no person ("the board's statement").
    if (found?.kind === 'person') return ownerPerson(x, found.range);
    const named = peopleInSentence(x, x.sentenceOf[i]);
    if (named.length === 1) return named[0];
    if (named.length > 1) return undefined;
  }
  return undefined;
}

/** Tokens that can open the noun phrase ending in a rendering noun: "Doe's televised interview". */
function phraseWord(t: Token): boolean {
  return (
    t.pos === 'DET' ||
    isModifier(t) ||
    (t.pos === 'VERB' && /ed$/.test(t.text)) ||
    isPossessiveMark(t) ||
    POSSESSIVE_PRONOUN.test(t.text)
  );
}

/** The people a sentence names (outside quotation marks), or refers to by "he" or "she" when it names none. */
function peopleInSentence(x: RenderingContext, sentence: number): Person[] {
  const s = x.article.sentences[sentence];
  if (!s) return [];
  const named = x.cast.people.filter((p) => {
    const last = p.name.split(' ').at(-1) ?? '';
    for (const m of s.text.matchAll(new RegExp(`\\b${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gu')))
      if (!x.insideQuote(s.span[0] + (m.index ?? 0))) return true;
    return false;
  });
  if (named.length > 0) return named;
  const pronoun = s.tokens.find((t) => /^(?:he|she)$/i.test(t.text) && !x.insideQuote(t.span[0]));
  const person = pronoun ? x.cast.lastPersonBefore(pronoun.span[0], x.insideQuote) : undefined;
  return person ? [person] : [];
}
