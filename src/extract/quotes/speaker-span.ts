/**
 * The speaker noun phrase next to a reporting verb, as a token range: "Sen. Elizabeth Warren"
 * in "Sen. Elizabeth Warren said", "a spokesperson for the agency" in "said a spokesperson for
 * the agency". The span is what the article wrote (a name, a pronoun, a role, with its
 * appositive: "Jane Doe, the council's director,"), the convention of attribution corpora
 * (PARC, PolNeAR); resolving it to a person is the cast's job.
 */
import type { Token } from '../../core/types.js';
import { isWeakCue, reportingLemma } from './cues.js';
import { isRenderingNoun } from './rendering.js';

/** Tokens that can sit inside a noun phrase naming a speaker. */
function isNominal(t: Token): boolean {
  // A relative pronoun ends the phrase: "an explosion that the mayor described as …".
  if (/^(?:that|which|whom|whose)$/i.test(t.text)) return false;
  if (['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM'].includes(t.pos)) return true;
  // Surnames the tagger reads as verbs or adverbs ("Lynch", "Wade"): a capital inside a clause is a name.
  if (/^\p{Lu}/u.test(t.text) && !['PUNCT', 'CCONJ', 'SCONJ', 'ADP', 'VERB'].includes(t.pos)) return true;
  if (t.pos === 'PART' && /^['’]s?$/.test(t.text)) return true;
  // Party labels in parentheses stay with the name: "Rep. Jane Doe (R-Utah)"; a spaced dash
  // (retagged X) ends the phrase instead.
  return t.pos !== 'X' && /^(?:\.|-|['’]s?|&|\(|\))$/.test(t.text);
}

/** Prepositions that stay inside a speaker phrase: "a spokesperson for the agency", "head of X". */
const INNER_ADP = new Set(['of', 'for', 'at', 'from', 'with', 'in']);

/** Words between a speaker and the verb that belong to neither: "Doe also said", "Doe has said". */
function isVerbModifier(t: Token): boolean {
  return t.pos === 'ADV' || t.pos === 'AUX' || (t.pos === 'PART' && t.text.toLowerCase() === 'not');
}

/** Day names and "Monday"-style time words written between speaker and verb ("Doe on Monday said"). */
const TIME_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|previously|recently|again|then)$/i;

const TIME_NOUN =
  /^(?:week|month|year|night|weekend|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** "two weeks", "a year": a count and a unit of time starting at `i`. */
function isTimeSpan(tokens: readonly Token[], i: number): boolean {
  const unit = tokens[i + 1].text.toLowerCase().replace(/s$/, '');
  return (
    (tokens[i].pos === 'NUM' || /^an?$/i.test(tokens[i].text)) && (TIME_NOUN.test(unit) || /^(?:day|hour)$/.test(unit))
  );
}

function isTimeNoun(t: Token): boolean {
  return TIME_NOUN.test(t.text);
}

const SUBJECT_PRONOUNS = /^(?:he|she|they|it|we|i|you|who|which)$/i;

export type TokenRange = readonly [start: number, end: number];

const isCapitalised = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);

/**
 * Repairs the tagger's usual misreadings around names before speaker phrases are read: given
 * names it tags as verbs ("Josh Earnest", "Ted Cruz"), participles of hyphenated modifiers
 * ("Los Angeles-based attorney") and dashes set off by spaces ("LONDON (Reuters) - Doe said"),
 * which end a phrase rather than join words. Reporting verbs keep their tag ("Said Doe: …").
 */
export function retagForSpeakers(tokens: readonly Token[], isCue: (word: string) => boolean): Token[] {
  return tokens.map((t, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.pos === 'VERB' && isCapitalised(t) && !isCue(t.text) && next?.pos === 'PROPN' && isCapitalised(next))
      return { ...t, pos: 'PROPN' };
    // A capitalised "verb" closing a run of names is the last name ("said Steve Ward,", "(D-Conn.)").
    if (
      t.pos === 'VERB' &&
      isCapitalised(t) &&
      !isCue(t.text) &&
      ((prev?.pos === 'PROPN' && isCapitalised(prev)) || (prev?.text === '-' && isCapitalised(tokens[i - 2]))) &&
      (next === undefined || next.pos === 'PUNCT')
    )
      return { ...t, pos: 'PROPN' };
    // Inside a run of capitalised names a "verb" is part of an organisation's name ("Harbour
    // Watch President Tom Fenn").
    if (
      t.pos === 'VERB' &&
      isCapitalised(t) &&
      prev?.pos === 'PROPN' &&
      isCapitalised(prev) &&
      next?.pos === 'NOUN' &&
      isCapitalised(next)
    )
      return { ...t, pos: 'PROPN' };
    // A surname read as a verb next to a reporting verb ("said Skelly,", "Lynch said"): two verbs
    // do not sit side by side there, so the capitalised one is the name.
    if (
      t.pos === 'VERB' &&
      isCapitalised(t) &&
      !isCue(t.text) &&
      ((prev?.pos === 'VERB' && isCue(prev.text)) || (next?.pos === 'VERB' && isCue(next.text)))
    )
      return { ...t, pos: 'PROPN' };
    // Right after a quote that closes on a comma comes its attribution ("“…,” Blunt said"): a
    // capitalised word there is not a verb opening a sentence but the speaker's name.
    if (
      t.pos === 'VERB' &&
      isCapitalised(t) &&
      !isCue(t.text) &&
      /^[”"»]$/.test(prev?.text ?? '') &&
      tokens[i - 2]?.text === ','
    )
      return { ...t, pos: 'PROPN' };
    // A participle between a determiner or number and a noun modifies the noun ("one unaligned
    // strategist", "a retired general").
    if (
      t.pos === 'VERB' &&
      /(?:ed|ing)$/.test(t.text) &&
      !isCue(t.text) &&
      (prev?.pos === 'DET' || prev?.pos === 'NUM') &&
      (next?.pos === 'NOUN' || next?.pos === 'PROPN' || next?.pos === 'ADJ')
    )
      return { ...t, pos: 'ADJ' };
    // "a source familiar with Doe's thinking said": an "-ing" form after a possessive is a noun.
    // ("it's raising" is "it is").
    if (
      t.pos === 'VERB' &&
      /ing$/.test(t.text) &&
      !isCue(t.text) &&
      /^['’]s?$/.test(prev?.text ?? '') &&
      ['PROPN', 'NOUN'].includes(tokens[i - 2]?.pos ?? '')
    )
      return { ...t, pos: 'NOUN' };
    // "of registered voters": a past participle between a preposition and a noun is an adjective.
    if (t.pos === 'VERB' && /ed$/.test(t.text) && !isCue(t.text) && prev?.pos === 'ADP' && next?.pos === 'NOUN')
      return { ...t, pos: 'ADJ' };
    if (t.pos === 'VERB' && prev?.text === '-' && prev.span[1] === t.span[0] && /(?:ed|ing)$/.test(t.text))
      return { ...t, pos: 'ADJ' };
    // "a transcript of her address", "his post": after a possessive a word naming a rendering of
    // speech is that noun. "her" is an object too ("let her go"), so only after a preposition
    // does it read as possessive.
    if (
      t.pos === 'VERB' &&
      isRenderingNoun(t.text) &&
      (/^(?:his|its|their|our|my|your)$/i.test(prev?.text ?? '') ||
        (/^her$/i.test(prev?.text ?? '') && tokens[i - 2]?.pos === 'ADP'))
    )
      return { ...t, pos: 'NOUN' };
    if (/^[-–—]$/.test(t.text) && (prev?.span[1] !== t.span[0] || next?.span[0] !== t.span[1]))
      return { ...t, pos: 'X' };
    return t;
  });
}

function hasName(tokens: readonly Token[], [s, e]: TokenRange): boolean {
  for (let i = s; i < e; i++) {
    const t = tokens[i];
    if (t.pos === 'PROPN' || t.pos === 'NOUN' || SUBJECT_PRONOUNS.test(t.text) || /^\p{Lu}\p{Ll}/u.test(t.text))
      return true;
  }
  // "the two write": a number after "the" stands for people named before; "About four in 10
  // said" counts people, as poll copy does.
  const all = tokens.slice(s, e);
  return (
    (e - s === 2 &&
      /^the$/i.test(tokens[s].text) &&
      tokens[s + 1].pos === 'NUM' &&
      /^\p{L}+$/u.test(tokens[s + 1].text)) ||
    all.some((t, k) => t.pos === 'NUM' && /^(?:in|of)$/i.test(all[k + 1]?.text ?? '') && all[k + 2]?.pos === 'NUM')
  );
}

/** Words that round a count ("about four in 10", "at least half of voters"). */
const APPROXIMATOR = /^(?:about|nearly|almost|roughly|around|only|just)$/i;
const APPROXIMATOR_PAIR = /^(?:at least|more than|fewer than|less than)$/i;

/** Extends a phrase that opens with a count over the words rounding it: "[About] four in 10". */
function withApproximator(tokens: readonly Token[], [s, e]: TokenRange, floor: number): TokenRange {
  if (tokens[s]?.pos !== 'NUM' && !/^half$/i.test(tokens[s]?.text ?? '')) return [s, e];
  if (s - 2 >= floor && APPROXIMATOR_PAIR.test(`${tokens[s - 2].text} ${tokens[s - 1].text}`)) return [s - 2, e];
  return s - 1 >= floor && APPROXIMATOR.test(tokens[s - 1].text) ? [s - 1, e] : [s, e];
}

/** Quantifiers that stand for people as a subject: "Most said they were worried". */
const QUANTIFIER_SUBJECT = /^(?:most|many|some|others|several|both|few|all)$/i;

/** Drop leading conjunctions and sentence adverbs ("But", "And", "Meanwhile,") from a range. */
function trimLeft(tokens: readonly Token[], [s, e]: TokenRange): TokenRange {
  let i = s;
  while (
    i < e &&
    // "Only 52 percent of voters", "About four in 10 voters": an adverb on a number stays.
    !(tokens[i].pos === 'ADV' && tokens[i + 1]?.pos === 'NUM' && i + 1 < e) &&
    ((['CCONJ', 'SCONJ', 'ADV', 'ADP', 'PUNCT'].includes(tokens[i].pos) && !/^[.'’]$/.test(tokens[i].text)) ||
      // "what Doe called “…”": the free relative is not part of the speaker.
      /^(?:what|whatever)$/i.test(tokens[i].text))
  )
    i++;
  return [i, e];
}

/** Where the raw phrase ending at `end` starts, before trimming leading conjunctions. */
function phraseStart(tokens: readonly Token[], end: number, floor: number): number {
  let i = end - 1;
  while (
    i >= floor &&
    (isNominal(tokens[i]) || tokens[i].pos === 'ADP' || tokens[i].pos === 'CCONJ' || tokens[i].pos === 'ADV')
  )
    i--;
  return i + 1;
}

/** A noun phrase (with an optional appositive) ending right before `end`, not reaching below `floor`. */
function phraseEndingAt(tokens: readonly Token[], end: number, floor: number): TokenRange | undefined {
  let i = end - 1;
  while (
    i >= floor &&
    (isNominal(tokens[i]) ||
      (tokens[i].pos === 'ADP' && INNER_ADP.has(tokens[i].lemma) && i + 1 < end && isNominal(tokens[i + 1])) ||
      // "Doe and Roe said" joins names; "asked for a photo and Doe said" joins clauses.
      (tokens[i].pos === 'CCONJ' &&
        tokens[i].lemma === 'and' &&
        i > floor &&
        i + 1 < end &&
        isNominal(tokens[i + 1]) &&
        (tokens[i - 1].pos === 'PROPN' ||
          // "the state senator and party candidate said": two roles of one person; a capital or
          // a determiner after "and" starts someone else ("a photo and Doe said").
          // A capital may open the second role when a common noun ends it ("the senator and
          // Republican candidate said").
          (tokens[i - 1].pos === 'NOUN' &&
            tokens[i + 1].pos !== 'DET' &&
            (!isCapitalised(tokens[i + 1]) || (tokens[end - 1].pos === 'NOUN' && !isCapitalised(tokens[end - 1])))))))
  ) {
    // A pronoun is a phrase on its own: "…, he said" never extends left past "he".
    // ("I-Vt." in a party label is no pronoun.)
    const pronoun = (k: number) =>
      tokens[k].pos === 'PRON' && SUBJECT_PRONOUNS.test(tokens[k].text) && tokens[k + 1]?.text !== '-';
    if (pronoun(i) && i < end - 1) break;
    i--;
    if (pronoun(i + 1)) break;
  }
  const range = withApproximator(
    tokens,
    withoutSetting(tokens, splitRunOn(tokens, trimLeft(tokens, [i + 1, end]), tokens[i + 1]?.pos === 'ADP')),
    floor,
  );
  return range[1] > range[0] && hasName(tokens, range) ? range : undefined;
}

/**
 * "Doe at the time said", "Doe in a radio interview said": after a name, a prepositional phrase
 * of common nouns is the setting of the report, not part of the speaker ("Doe of the Harbour
 * Trust said" names an affiliation, and keeps it).
 */
function withoutSetting(tokens: readonly Token[], [s, e]: TokenRange): TokenRange {
  for (let k = s + 1; k < e - 1; k++) {
    if (!/^(?:at|in|during|on)$/i.test(tokens[k].text)) continue;
    if (tokens[k - 1].pos !== 'PROPN' && tokens[k - 1].text !== ')') continue;
    if (!/^(?:the|a|an|his|her|their|its)$/i.test(tokens[k + 1].text)) continue;
    if (tokens.slice(k + 1, e).every((t) => t.pos !== 'PROPN')) return [s, k];
  }
  return [s, e];
}

/**
 * A phrase read leftwards without punctuation can swallow the end of an introductory phrase:
 * "At one point the crowd chanted", "In a radio interview Doe said". A determiner right after
 * a noun starts a new noun phrase, and after a leading preposition a name right after a common
 * noun starts the subject.
 */
function splitRunOn(tokens: readonly Token[], [s, e]: TokenRange, leadingPreposition: boolean): TokenRange {
  let start = s;
  for (let k = s + 1; k < e - 1; k++) {
    const prev = tokens[k - 1];
    if (
      /^(?:the|a|an)$/i.test(tokens[k].text) &&
      ['NOUN', 'PROPN', 'NUM'].includes(prev.pos) &&
      !/^['’]s?$/.test(prev.text)
    )
      start = k;
  }
  if (leadingPreposition) {
    for (let k = e - 1; k > start; k--) {
      const prev = tokens[k - 1];
      if (tokens[k].pos === 'PROPN' && isCapitalised(tokens[k]) && prev.pos === 'NOUN' && !isCapitalised(prev)) {
        start = k;
        break;
      }
    }
  }
  return [start, e];
}

const isAge = (t: Token | undefined) => t !== undefined && t.pos === 'NUM' && /^\d{1,3}$/.test(t.text);

type Segment = 'appositive' | 'relative' | 'aside' | 'clause';

/**
 * What a comma-delimited stretch after a name is: an appositive noun phrase ("the agency's
 * director", "New Jersey") or relative clause about the person ("who runs the agency"), a
 * participial clause ("celebrating a win"), an aside ("however", "69", "at a briefing"), or a
 * clause of its own ("Doe compared X to Y") that means the name is not the speaker's.
 */
function segmentKind(tokens: readonly Token[], s: number, e: number, afterName: boolean): Segment {
  const first = tokens[s];
  if (!first || s >= e) return 'aside';
  if (/^(?:who|whose|whom)$/i.test(first.text)) return 'appositive';
  if (first.pos === 'VERB' || /^which$/i.test(first.text)) return 'relative';
  // An age ("Doe, 55, said") identifies the person as an appositive does.
  if (e - s === 1 && isAge(first)) return 'appositive';
  // "Doe, one of the mayor's aides, said": a number right after the name picks the person out of
  // a group; after another appositive it picks out that one's noun ("the governor of Utah, one
  // of the states suing").
  if (afterName && first.pos === 'NUM' && /^of$/i.test(tokens[s + 1]?.text ?? '')) return 'appositive';
  if (['ADV', 'ADP', 'NUM', 'SCONJ', 'CCONJ', 'PART'].includes(first.pos) && !isCapitalised(first)) return 'aside';
  for (let m = s + 1; m < e; m++) {
    if (/^(?:who|whose|which|whom|that)$/i.test(tokens[m].text)) return 'appositive';
    if ((tokens[m].pos === 'VERB' || tokens[m].pos === 'AUX') && tokens[m - 1].pos !== 'ADV') {
      // A participle right after a noun modifies it ("a lawyer based in Ohio"); a verb after
      // the subject is a finite clause ("Doe compared X to Y").
      if (/(?:ed|ing)$/.test(tokens[m].text) && tokens[m].pos === 'VERB' && !/^[\p{Lu}]/u.test(tokens[m - 1].text))
        continue;
      // After a determiner, possessive or adjective a "verb" is a noun the tagger misread
      // ("the union's lead negotiator").
      if (['DET', 'ADJ'].includes(tokens[m - 1].pos) || /^['’]s?$/.test(tokens[m - 1].text)) continue;
      return 'clause';
    }
  }
  return 'appositive';
}

/**
 * The speaker before a cue that follows a comma: "Jane Doe, the agency's director, said". The
 * attribution corpora keep appositives and relative clauses about the person, with the trailing
 * comma ("Doe, who runs the agency, said"), but leave out participial clauses and asides
 * ("Doe, however, said" → "Doe").
 * A leading prepositional phrase is not the speaker ("At the debate, Doe said").
 */
function appositiveSpeaker(tokens: readonly Token[], end: number, floor: number): TokenRange | undefined {
  const commas: number[] = [];
  for (let k = floor; k < end - 1; k++) if (tokens[k].text === ',') commas.push(k);
  commas.push(end - 1);
  for (let c = 0; c < commas.length - 1; c++) {
    const k = commas[c];
    const segmentStart = c === 0 ? floor : commas[c - 1] + 1;
    let head = phraseEndingAt(tokens, k, segmentStart);
    if (!head) continue;
    const untrimmed = phraseStart(tokens, k, segmentStart);
    // "In a statement to the Observer, her adviser, Jane Doe, said": the object of a leading
    // preposition is not the subject.
    if (tokens[untrimmed]?.pos === 'ADP') continue;
    // "Another delegate on the slate, Jane Doe, said": a prepositional phrase inside the head
    // noun phrase stays with it.
    if (tokens[head[0] - 1]?.pos === 'ADP') {
      const whole = trimLeft(tokens, [untrimmed, k]);
      if (whole[0] >= head[0] || !['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM'].includes(tokens[whole[0]].pos)) continue;
      head = whole;
    }
    const named = tokens.slice(head[0], head[1]).some((t) => t.pos === 'PROPN' || t.pos === 'NOUN');
    if (!named) continue;
    const opener = head[0] === floor || tokens[head[0] - 1].pos === 'PUNCT' || untrimmed === floor;
    if (!opener) continue;
    let last = k;
    for (let d = c + 1; d < commas.length; d++) {
      const kind = segmentKind(tokens, commas[d - 1] + 1, commas[d], d === c + 1);
      if (kind === 'clause') return undefined;
      if (kind !== 'appositive') return last === k ? head : [head[0], last + 1];
      last = commas[d];
    }
    return [head[0], last + 1];
  }
  return undefined;
}

/**
 * The speaker before a cue at `cue` ("Doe said", "Jane Doe, the director, said"), looking no
 * further left than `floor` (the closing quote mark or the sentence start).
 */
export function speakerBefore(tokens: readonly Token[], cue: number, floor: number): TokenRange | undefined {
  let end = cue;
  for (;;) {
    while (end > floor && isVerbModifier(tokens[end - 1])) end--;
    // "Doe last week said", "Doe on Monday said": a time phrase between speaker and verb, read
    // whole before a day name alone is taken for one, which would leave "on" behind.
    if (
      end - 2 > floor &&
      /^(?:last|this|next|on|earlier|late)$/i.test(tokens[end - 2].text) &&
      isTimeNoun(tokens[end - 1])
    )
      end -= 2;
    else if (end > floor && TIME_WORD.test(tokens[end - 1].text)) end--;
    // "Doe two weeks ago said", "Doe less than a year ago said": a span of time counted back
    // ("ago", an adverb, is already stripped as a verb modifier).
    else if (end - 2 > floor && /^ago$/i.test(tokens[end]?.text ?? '') && isTimeSpan(tokens, end - 2)) {
      end -= 2;
      if (end - 2 >= floor && APPROXIMATOR_PAIR.test(`${tokens[end - 2].text} ${tokens[end - 1].text}`)) end -= 2;
    } else break;
  }
  if (end > floor && tokens[end - 1].text === ',') return appositiveSpeaker(tokens, end, floor);
  // "Most said …": a quantifier opening the clause is the subject, though tagged an adverb.
  const first = end < cue ? end : cue - 1;
  if (
    first >= floor &&
    QUANTIFIER_SUBJECT.test(tokens[first].text) &&
    (first === floor || ['PUNCT', 'CCONJ'].includes(tokens[first - 1].pos)) &&
    tokens.slice(first + 1, cue).every(isVerbModifier)
  )
    return [first, first + 1];
  if (end <= floor) return undefined;
  return phraseEndingAt(tokens, end, floor);
}

/** The speaker after a cue ("said Jane Doe", "said Jane Doe, the director"), up to `ceiling`. */
/** A reporting verb inside a relative clause ("who said …") makes the clause a report of its own. */
function reportingVerb(t: Token): boolean {
  const lemma = reportingLemma(t.text);
  return (t.pos === 'VERB' || t.pos === 'AUX') && lemma !== undefined && !isWeakCue(lemma);
}

/**
 * "an aide to President Doe", "an editorial in The Harbour Times": after a common noun naming a
 * role or a text, "to" and "in" attach a name to it; after a name they start the setting ("said
 * Doe in a statement").
 */
function roleAttachment(tokens: readonly Token[], i: number, start: number, ceiling: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return (
    i > start &&
    i + 1 < ceiling &&
    /^(?:to|in)$/i.test(tokens[i].text) &&
    prev.pos === 'NOUN' &&
    !isCapitalised(prev) &&
    isCapitalised(next) &&
    ['PROPN', 'NOUN', 'DET'].includes(next.pos)
  );
}

export function speakerAfter(tokens: readonly Token[], cue: number, ceiling: number): TokenRange | undefined {
  let i = cue + 1;
  const start = i;
  while (
    i < ceiling &&
    (isNominal(tokens[i]) ||
      (tokens[i].pos === 'ADP' &&
        INNER_ADP.has(tokens[i].lemma) &&
        tokens[i].lemma !== 'in' &&
        i > start &&
        i + 1 < ceiling &&
        isNominal(tokens[i + 1])) ||
      roleAttachment(tokens, i, start, ceiling))
  ) {
    if (tokens[i].text === '.' && i + 1 < ceiling && !/^\p{Lu}/u.test(tokens[i + 1].text) && tokens[i + 1].text !== ')')
      break;
    // "said Rep. Jane Doe (R-Utah) at the time": the party label closes the name; a bracket
    // opened before the quote ("(“…,” said a delegate.)") closes the writer's aside instead.
    if (tokens[i].text === ')' && i > start) {
      if (tokens.slice(start, i).some((t) => t.text === '(')) i++;
      break;
    }
    if (i > start && SUBJECT_PRONOUNS.test(tokens[i - 1].text) && tokens[i - 1].pos === 'PRON') break;
    // "said an aide who …": the relative clause is read below, not as part of the noun phrase.
    if (i > start && /^(?:who|which|that)$/i.test(tokens[i].text)) break;
    i++;
  }
  let end = i;
  while (
    end > start &&
    /^\.+$/.test(tokens[end - 1].text) &&
    !/^(?:\p{Lu}\.)+$|^(?:Jr|Sr)\.?$/u.test(tokens[end - 2]?.text ?? '')
  )
    end--;
  if (end <= start || !hasName(tokens, [start, end])) return undefined;
  // "said a source close to the campaign", "said one of two aides who …": a modifier with no
  // comma before it belongs to the phrase, to the end of the clause.
  const next = tokens[end];
  const describes = !tokens.slice(start, end).some((t) => t.pos === 'PRON' && SUBJECT_PRONOUNS.test(t.text));
  if (
    describes &&
    next &&
    end < ceiling &&
    (/^(?:who|that)$/i.test(next.text) ||
      (next.pos === 'VERB' && /(?:ed|ing)$/.test(next.text)) ||
      next.pos === 'ADJ' ||
      // "a source involved in …", "an aide close to …": the participle's complement.
      (next.pos === 'ADP' && (tokens[end - 1].pos === 'ADJ' || /ed$/.test(tokens[end - 1].text))))
  ) {
    let j = end + 1;
    while (j < ceiling && !/^[,.;:!?“”"«»]$/.test(tokens[j].text)) j++;
    return [start, j];
  }
  // "said Jane Doe, the agency's director, who …" — the appositive (relative clause and all)
  // runs to the end of the clause; a prepositional tail (", in a statement") stays out, but its
  // comma is kept, as the corpora write it.
  if (end < ceiling && tokens[end].text === ',' && tokens.slice(start, end).some((t) => t.pos === 'PROPN')) {
    const after = tokens[end + 1];
    // "said Jane Doe, 55, of Springfield": after an age the place of residence belongs to the phrase too.
    const age = isAge(after) && tokens[end + 2]?.text === ',';
    // "said Doe, his longtime adviser", "said Doe, then head of the agency", "said Doe, one of
    // the founders": a possessive, a time adverb or a number picking from a group can open the
    // appositive too.
    const opensAppositive =
      after &&
      (/^(?:his|her|their|its)$/i.test(after.text) ||
        (after.pos === 'NUM' && /^of$/i.test(tokens[end + 2]?.text ?? '')) ||
        (/^(?:then|now|formerly)$/i.test(after.text) &&
          ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(tokens[end + 2]?.pos ?? '')));
    if (
      after &&
      (['DET', 'ADJ', 'NOUN', 'PROPN'].includes(after.pos) ||
        /^(?:who|whose)$/i.test(after.text) ||
        age ||
        opensAppositive)
    ) {
      let j = end + 1;
      let lastComma = -1;
      let relative = /^(?:who|whose)$/i.test(after.text);
      let relativeAt = relative ? j : -1;
      while (j < ceiling) {
        if (tokens[j].text === ',') {
          lastComma = j;
          const residence = age && j === end + 2 && /^(?:of|from)$/i.test(tokens[j + 1]?.text ?? '');
          if ((tokens[j + 1]?.pos === 'ADP' && !residence) || tokens[j + 1]?.pos === 'ADV') return [start, j + 1];
          // "said Doe, a member of the board, adding that …": a participle clause is the writer's.
          if (tokens[j + 1]?.pos === 'VERB' && /ing$/.test(tokens[j + 1].text)) return [start, j + 1];
        }
        // "a firm that sells …" is a relative clause too.
        if (
          !relative &&
          (/^(?:who|whose|whom|which)$/i.test(tokens[j].text) ||
            (/^that$/i.test(tokens[j].text) && tokens[j - 1].pos === 'NOUN'))
        ) {
          relative = true;
          relativeAt = j;
        }
        // "According to Doe, the men were wearing …": a finite verb outside a relative clause
        // starts a clause of its own; "…, who said there were …" reports on its own. A
        // capitalised "verb" is a name the tagger misread ("the mayor of Fort Pierce").
        if (
          (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') &&
          !relative &&
          !/(?:ed|ing)$/.test(tokens[j].text) &&
          !isCapitalised(tokens[j])
        )
          return [start, end];
        // "said Doe, a doctor from Springfield, who said he …": the appositive before the
        // reporting relative clause still describes the speaker, its closing comma included.
        if (relative && reportingVerb(tokens[j]))
          return relativeAt - 1 > end && tokens[relativeAt - 1].text === ',' ? [start, relativeAt] : [start, end];
        if (/^[.;:!?]$/.test(tokens[j].text) && (j === ceiling - 1 || /^[;:!?]$/.test(tokens[j].text))) break;
        if (/^[“”"«»]$/.test(tokens[j].text)) break;
        j++;
      }
      void lastComma;
      let e = j;
      while (e > end + 1 && /^[,.]$/.test(tokens[e - 1].text)) e--;
      return [start, e];
    }
  }
  return [start, end];
}
