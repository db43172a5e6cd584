/**
 * Who said a quote: the reporting clause beside it, read in the order news copy writes it.
 *
 *  1. After the quote:  "“…,” Doe said" / "“…,” said Doe" / "“…,” he told reporters" /
 *     "“…,” according to Doe".
 *  2. Before the quote: "Doe said, “…”" / "Doe said the plan was “a disgrace”" / "Doe: “…”".
 *  3. Neither: a bare quote continues the previous quote's speaker when it follows it in the
 *     same paragraph or opens the next one ("Doe said. “…”"), else takes a "Doe said:" or "Doe
 *     said." sentence just before or after it.
 *
 * Each rule is a small function over the same context; the first that answers wins.
 */
import type { Token } from '../../core/types.js';
import { isWeakCue, reportingLemma } from './cues.js';
import { renderingOwner } from './rendering.js';
import { speakerAfter, speakerBefore, type TokenRange } from './speaker-span.js';

export interface Attribution {
  speaker: TokenRange;
  cue?: string;
  /** Which rule answered, for tests and debugging. */
  rule: string;
  /**
   * When the speaker is a rendering of someone's words ("according to a transcript of her
   * address"), the subject of a report of the sentence's own ("Doe said … “…”"): who spoke.
   */
  reporter?: TokenRange;
}

/** The tokens around one quote: everything is an index into `tokens`. */
export interface QuoteContext {
  tokens: readonly Token[];
  /** First token after the closing mark, and the end of the clause that follows it. */
  after: number;
  afterEnd: number;
  /** Start of the clause before the opening mark, and the first token of the quote. */
  beforeStart: number;
  before: number;
  /** Tokens inside other quotations of the sentence: neither cues nor speakers. */
  quoted?: (token: number) => boolean;
}

/** The first token after the last quoted token before `i`, not below `floor`. */
function clauseFloor(c: Pick<QuoteContext, 'quoted'>, i: number, floor: number): number {
  if (!c.quoted) return floor;
  for (let j = i - 1; j >= floor; j--) if (c.quoted(j)) return j + 1;
  return floor;
}

/** Cues right after the quote: at most this many tokens in, room for a long appositive ("“…,” Doe, the agency’s spokesman for …, said"). */
const AFTER_WINDOW = 25;

function cueAt(t: Token): string | undefined {
  // "“…,” Doe Tweeted": a capitalised past form is taken for a name, but no name ends in a
  // reporting verb's "-ed".
  if (t.pos === 'PROPN' && /\p{Ll}ed$/u.test(t.text)) return reportingLemma(t.text);
  if (t.pos !== 'VERB' && t.pos !== 'AUX' && t.pos !== 'NOUN' && t.pos !== 'ADJ') return undefined;
  return reportingLemma(t.text);
}

type Rule = (c: QuoteContext) => Attribution | undefined;

/** "“…,” according to Doe" — also "“…,” Doe said, according to a transcript" is handled by afterCue. */
const accordingTo: Rule = (c) => {
  let i = c.after;
  while (i < c.afterEnd && c.tokens[i].pos === 'PUNCT') i++;
  // Right after the quote, or later in its sentence after a comma ("“…” on the bill, according to Doe").
  for (let k = i; k + 2 < c.afterEnd; k++) {
    if (/^[“”"«»]$/.test(c.tokens[k].text)) break;
    if (k > i && c.tokens[k - 1].text !== ',') continue;
    if (c.tokens[k].text.toLowerCase() !== 'according' || c.tokens[k + 1].text.toLowerCase() !== 'to') continue;
    const s = speakerAfter(c.tokens, k + 1, c.afterEnd);
    if (s) return { speaker: s, cue: 'according to', rule: 'according-to' };
  }
  return undefined;
};

/** "“…,” Doe said" and "“…,” said Doe": the first cue in the clause after the quote. */
const afterCue: Rule = (c) => {
  const limit = Math.min(c.afterEnd, c.after + AFTER_WINDOW);
  for (let i = c.after; i < limit; i++) {
    const lemma = cueAt(c.tokens[i]);
    if (!lemma) continue;
    // The speaker must open the clause after the quote ("“…,” Doe said"); "“…” when he said"
    // is the writer's sentence going on, not an attribution of this quote.
    let first = c.after;
    while (first < i && c.tokens[first].pos === 'PUNCT') first++;
    const opensClause = i === c.after || c.tokens.slice(c.after, i).every((t) => t.pos === 'PUNCT' || t.pos === 'ADV');
    // "“…,” telling reporters …" continues the sentence before the quote: its subject speaks.
    if (/ing$/i.test(c.tokens[i].text) && opensClause) {
      const subject = participleSubject(c, c.before);
      return subject ? { speaker: subject, cue: lemma, rule: 'after:participle' } : undefined;
    }
    const before = speakerBefore(c.tokens, i, c.after);
    if (before && before[0] === first)
      return laterSource(c, before[1]) ?? { speaker: before, cue: lemma, rule: 'after:speaker-cue' };
    if (opensClause) {
      const after = speakerAfter(c.tokens, i, c.afterEnd);
      if (after) return laterSource(c, after[1]) ?? { speaker: after, cue: lemma, rule: 'after:cue-speaker' };
    }
    // A noun that happens to share a cue's form ("one of the states suing …") is no clause of its
    // own: the search goes on to the verb.
    if (!isWeakCue(lemma) && c.tokens[i].pos !== 'NOUN' && c.tokens[i].pos !== 'ADJ') return closingReport(c, i, lemma);
  }
  return undefined;
};

/**
 * "Doe “felt a duty to act” on the bill, Roe said." / "“…” that the plan would fail, said Roe.":
 * a reporting clause set off by a comma that closes the sentence reports everything before it,
 * the quote included. The clause must end the sentence (no verb after the speaker) so that a
 * comma-joined clause of its own ("…, Doe said the vote was …") does not count.
 */
function closingReport(c: QuoteContext, i: number, lemma: string): Attribution | undefined {
  if (c.tokens[i].pos !== 'VERB' || /ing$/i.test(c.tokens[i].text)) return undefined;
  const closes = (from: number) => {
    for (let k = from; k < c.afterEnd; k++) {
      const t = c.tokens[k];
      // "…, Doe said Tuesday, noting that …": a participle clause after the report still leaves it closing.
      if (t.text === ',' && c.tokens[k + 1]?.pos === 'VERB' && /ing$/.test(c.tokens[k + 1].text)) return true;
      if (/^[“”"«»]$/.test(t.text) || t.pos === 'VERB' || t.pos === 'AUX' || t.text === ',') return false;
      if (/^[.!?]$/.test(t.text)) return true;
    }
    return c.afterEnd === c.tokens.length || c.tokens[c.afterEnd - 1]?.text === '.';
  };
  const between = c.tokens.slice(c.after, i);
  if (between.some((t) => /^[“”"«»:;]$/.test(t.text))) return undefined;
  const before = speakerBefore(c.tokens, i, c.after);
  if (before && c.tokens[before[0] - 1]?.text === ',' && !isRelativeOnly(c.tokens, before) && closes(i + 1))
    return { speaker: before, cue: lemma, rule: 'after:closing-report' };
  if (c.tokens[i - 1]?.text === ',') {
    const after = speakerAfter(c.tokens, i, c.afterEnd);
    if (after && closes(after[1])) return { speaker: after, cue: lemma, rule: 'after:closing-report' };
  }
  return undefined;
}

/**
 * "“…,” Doe said, according to the network": the corpora credit the outermost source, the one
 * that reported the speech.
 */
function laterSource(c: QuoteContext, from: number): Attribution | undefined {
  for (let i = from; i + 2 < c.afterEnd; i++) {
    if (c.tokens[i].text.toLowerCase() === 'according' && c.tokens[i + 1].text.toLowerCase() === 'to') {
      const s = speakerAfter(c.tokens, i + 1, c.afterEnd);
      return s ? { speaker: s, cue: 'according to', rule: 'according-to:outer' } : undefined;
    }
  }
  return undefined;
}

/**
 * The subject of a participle cue ("…, shouting “…”"): the subject of the nearest finite verb to
 * its left that names someone, else the subject of the clause's first verb.
 */
function participleSubject(c: QuoteContext, at: number): TokenRange | undefined {
  for (let j = at - 1; j >= c.beforeStart; j--) {
    const t = c.tokens[j];
    if (c.quoted?.(j) || (t.pos !== 'VERB' && t.pos !== 'AUX') || /ing$/i.test(t.text)) continue;
    const subject = speakerBefore(c.tokens, j, clauseFloor(c, j, c.beforeStart));
    // "“…,” said Doe, urging them to “…”": the inverted reporter is the participle's subject.
    const lemma = cueAt(t);
    if (!subject && lemma && !isWeakCue(lemma) && c.quoted?.(j - 1) === false && /^[”"»]$/.test(c.tokens[j - 1].text)) {
      const inverted = speakerAfter(c.tokens, j, at);
      if (inverted) return inverted;
    }
    if (!subject || isRelativeOnly(c.tokens, subject)) continue;
    // The subject of a clause introduced by "that", "because", "who" … is not the main clause's;
    // a phrase right after a verb is its object ("posted [a Twitter] comment", a noun misread).
    const prev = c.tokens[subject[0] - 1];
    if (prev && (prev.pos === 'SCONJ' || RELATIVE.test(prev.text) || prev.pos === 'VERB')) continue;
    if (c.tokens.slice(subject[0], subject[1]).some((x) => x.pos === 'PROPN' || x.pos === 'PRON')) return subject;
  }
  return mainSubject(c.tokens, c.beforeStart, at, c.quoted);
}

/** Relative pronouns: a cue after one reports inside a relative clause, not the main clause. */
const RELATIVE = /^(?:who|whom|whose|which|that)$/i;

/** A speaker phrase that is only a relative pronoun is no speaker ("…, who said …"). */
function isRelativeOnly(tokens: readonly Token[], [s, e]: TokenRange): boolean {
  return e - s === 1 && RELATIVE.test(tokens[s].text);
}

/** Words of a short noun phrase standing as a verb's object: "the new tariff", "Doe’s plan", "it". */
function isObjectWord(t: Token): boolean {
  return ['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PRON'].includes(t.pos) || /^['’]s?$/.test(t.text);
}

/** "Doe said, “…”" / "Doe said the plan was “…”" / "Doe: “…”": the last cue before the quote. */
const beforeCue: Rule = (c) => {
  // "According to the agency, Doe said “…”": the outermost source opens the sentence.
  // "For Doe, according to Roe, the speech was “…”": wherever it stands before the quote.
  for (let s0 = c.beforeStart; s0 + 2 < c.before; s0++) {
    if (c.quoted?.(s0) || !/^according$/i.test(c.tokens[s0].text) || !/^to$/i.test(c.tokens[s0 + 1].text)) continue;
    if (s0 > c.beforeStart && c.tokens[s0 - 1].text !== ',') continue;
    const s = speakerAfter(c.tokens, s0 + 1, c.before);
    if (s) return { speaker: s, cue: 'according to', rule: 'before:according-to' };
  }
  const last = c.before - 1;
  if (last >= c.beforeStart && c.tokens[last].text === ':') {
    const colon = speakerBefore(c.tokens, last, c.beforeStart);
    // "Doe: “…”", also after a heading set off by a dash ("Polls agree - Doe: “…”").
    const opens = (r: TokenRange) => r[0] === c.beforeStart || /^[-–—]$/.test(c.tokens[r[0] - 1].text);
    if (colon && opens(colon)) {
      // "More from the report: “…”": the source is what the words come from.
      let from = colon[0];
      if (/^more$/i.test(c.tokens[from].text) && /^from$/i.test(c.tokens[from + 1]?.text ?? '')) from++;
      if (/^from$/i.test(c.tokens[from].text) && from + 1 < colon[1]) from++;
      return { speaker: [from, colon[1]], rule: 'before:colon' };
    }
  }
  let possessed: Attribution | undefined;
  for (let i = c.before - 1; i >= c.beforeStart; i--) {
    const lemma = cueAt(c.tokens[i]);
    if (!lemma || c.quoted?.(i)) continue;
    // A weak cue counts only right before the quote, and never as "continue to …".
    // "pointed out" reports wherever it stands, as "pointed" alone does not.
    const phrasal = lemma === 'point' && /^out$/i.test(c.tokens[i + 1]?.text ?? '');
    // "Doe called the new tariff “a tax on families”", "… called Roe's remarks on Monday “a
    // disgrace”": "call" naming its object as the quote says reports across that short noun
    // phrase ("called for", "called on" have a preposition, not an object, after the verb).
    const naming =
      lemma === 'call' &&
      c.before - i <= 8 &&
      c.tokens[i + 1]?.pos !== 'ADP' &&
      c.tokens.slice(i + 1, c.before).every((t) => isObjectWord(t) || t.pos === 'ADP');
    if (isWeakCue(lemma) && !phrasal && !naming && (c.before - i > 3 || c.tokens[i + 1]?.text.toLowerCase() === 'to'))
      continue;
    const floor = clauseFloor(c, i, c.beforeStart);
    const before = speakerBefore(c.tokens, i, floor) ?? sharedSubject(c, i, floor);
    // "Doe released a statement saying “…”": the noun before a participle is its object, not its
    // subject, unless it opens the clause.
    const participle = /ing$/i.test(c.tokens[i].text);
    // "…, with Doe calling it “…”", "… – Doe saying he was “…”": after "with" or a dash the noun
    // before a participle is its subject.
    const opensClause = (r: TokenRange) =>
      r[0] === floor || c.tokens[r[0] - 1].pos === 'PUNCT' || /^(?:with|[-–—])$/i.test(c.tokens[r[0] - 1].text);
    // "Doe, who called it “…”": the corpora credit the relative pronoun itself, the subject of
    // the reporting clause as written; resolving it to Doe is the cast's job.
    const relativeWho =
      before !== undefined && isRelativeOnly(c.tokens, before) && /^who$/i.test(c.tokens[before[0]].text);
    if (before && (!isRelativeOnly(c.tokens, before) || relativeWho) && (!participle || opensClause(before))) {
      // "A woman asked for a photo and Doe said, “…”": a subject of its own after "and" opens a
      // clause of its own, which no reporter further left frames.
      const coordinated = /^(?:and|but)$/i.test(c.tokens[before[0] - 1]?.text ?? '');
      const found = (coordinated ? undefined : (outermost(c, i) ?? namedByRelative(c, before))) ?? {
        speaker: before,
        cue: lemma,
        rule: 'before:speaker-cue',
      };
      // "Roe called Doe's remarks “a disgrace”": a noun of speech with its possessor is the
      // object of a report further left, whose subject speaks; with none, the possessor does
      // ("Doe's claim that …").
      if (c.tokens[i].pos === 'NOUN' && /^(?:['’]s?|his|her|their|its)$/i.test(c.tokens[before[1] - 1].text)) {
        possessed ??= found;
        continue;
      }
      return found;
    }
    // Inverted order before a quote ("Said Doe: “…”", "…, said Doe, “…”") only when the speaker
    // phrase runs up to the quote and a comma or colon sets the quote off; "saying his plan was
    // “…”" has an object there, and "said Doe, who called it “…”" quotes inside the phrase.
    const clauseStart = i === c.beforeStart || c.tokens[i - 1].pos === 'PUNCT';
    const after = clauseStart && !/ing$/i.test(c.tokens[i].text) ? speakerAfter(c.tokens, i, c.before) : undefined;
    const between = after ? c.tokens.slice(after[1], c.before) : [];
    if (
      after &&
      c.tokens[i].text.toLowerCase() !== 'told' &&
      between.every((t) => t.pos === 'PUNCT') &&
      (between.some((t) => /^[,:]$/.test(t.text)) || /^[,:]$/.test(c.tokens[after[1] - 1].text))
    )
      return { speaker: after, cue: lemma, rule: 'before:cue-speaker' };
    // "…, stating, “…”": a participle's subject is the clause subject further left.
    if (/ing$/.test(c.tokens[i].text)) {
      const subject = participleSubject(c, i);
      if (subject) return outermost(c, i) ?? { speaker: subject, cue: lemma, rule: 'before:participle' };
    }
  }
  return possessed;
};

/**
 * "Roe said the bill was what she called “a trap”", "… of Doe, whom he called “a fraud”": a
 * pronoun reporting inside a relative clause refers back to the named subject of the sentence,
 * and the corpora credit that subject as written.
 */
function namedByRelative(c: QuoteContext, speaker: TokenRange): Attribution | undefined {
  if (speaker[1] - speaker[0] !== 1 || c.tokens[speaker[0]].pos !== 'PRON') return undefined;
  if (!/^(?:what|whom)$/i.test(c.tokens[speaker[0] - 1]?.text ?? '')) return undefined;
  const subject = mainSubject(c.tokens, c.beforeStart, speaker[0] - 1, c.quoted);
  if (!subject || !c.tokens.slice(subject[0], subject[1]).some((t) => t.pos === 'PROPN')) return undefined;
  return { speaker: subject, rule: 'before:relative-subject' };
}

/** The subject of the nearest finite verb before `end` that has one ("… when Roe spoke, I laughed"). */
function nearestSubject(c: QuoteContext, start: number, end: number): TokenRange | undefined {
  for (let j = end - 1; j >= start; j--) {
    const t = c.tokens[j];
    if (c.quoted?.(j) || t.pos !== 'VERB' || /ing$/i.test(t.text)) continue;
    const subject = speakerBefore(c.tokens, j, clauseFloor(c, j, start));
    if (!subject) continue;
    const prev = c.tokens[subject[0] - 1];
    if (prev && (prev.pos === 'SCONJ' || RELATIVE.test(prev.text) || prev.pos === 'VERB')) return undefined;
    return isRelativeOnly(c.tokens, subject) ? undefined : subject;
  }
  return undefined;
}

/**
 * "Doe criticised the deal and said it was “a mistake”": a cue joined by "and"/"but" to an
 * earlier verb shares that verb's subject, the subject of the clause.
 */
function sharedSubject(c: QuoteContext, cue: number, floor: number): TokenRange | undefined {
  let k = cue - 1;
  while (k > floor && (c.tokens[k].pos === 'ADV' || c.tokens[k].pos === 'AUX')) k--;
  if (k <= floor || !/^(?:and|but)$/i.test(c.tokens[k].text)) return undefined;
  // The clause may hold a quote of its own before the "and" ("Doe called it “X” and said …").
  const start = c.beforeStart;
  const subject = nearestSubject(c, start, k) ?? mainSubject(c.tokens, start, k, c.quoted);
  // "There was … and said": an expletive subject names nobody.
  if (!subject || (subject[1] - subject[0] === 1 && /^(?:there|it)$/i.test(c.tokens[subject[0]].text)))
    return undefined;
  const prev = c.tokens[subject[0] - 1];
  return !prev || prev.text === ',' || subject[0] === start ? subject : undefined;
}

/**
 * "Doe said that he was sure Roe would be “…”": the attribution corpora credit the quote to the
 * outermost reporter of the sentence. A strong cue further left with a subject of its own wins,
 * unless a relative clause separates the two ("Doe, who said …, called it “…”").
 */
function outermost(c: QuoteContext, inner: number): Attribution | undefined {
  for (let j = c.beforeStart; j < inner; j++) {
    const lemma = cueAt(c.tokens[j]);
    if (!lemma || isWeakCue(lemma) || c.tokens[j].pos !== 'VERB' || c.quoted?.(j)) continue;
    // A relative clause or a comma between the two means the cues belong to different clauses
    // ("Despite what he wrote, Doe said he “…”"; "Doe, who said …, called it “…”").
    if (
      c.tokens.slice(j, inner).some((t) => (RELATIVE.test(t.text) && t.text.toLowerCase() !== 'that') || t.text === ',')
    )
      continue;
    const speaker = speakerBefore(c.tokens, j, clauseFloor(c, j, c.beforeStart));
    if (speaker && !isRelativeOnly(c.tokens, speaker)) return { speaker, cue: lemma, rule: 'before:outermost' };
  }
  return undefined;
}

/** The subject of the first verb of a clause: "Doe, a doctor, poked at X, tweeting, “…”" → "Doe, a doctor,". */
export function mainSubject(
  tokens: readonly Token[],
  start: number,
  end: number,
  quoted?: (token: number) => boolean,
): TokenRange | undefined {
  for (let j = start; j < end; j++) {
    if (quoted?.(j)) continue;
    if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') {
      const subject = speakerBefore(tokens, j, clauseFloor({ quoted }, j, start));
      return subject && !isRelativeOnly(tokens, subject) ? subject : undefined;
    }
  }
  return undefined;
}

/**
 * Order matters: a cue right after the quote is the strongest evidence; "according to" right
 * after the quote comes next; a cue before the quote last, since the sentence before a quote
 * often reports something else.
 */
/**
 * "Doe referred to the plan as “a disaster”": a quote set inside the clause of a named subject
 * with no reporting verb is still that subject's words. Only a proper name, a personal pronoun
 * or a short "the/a" noun phrase ("The agency") opening the sentence qualifies, so the writer's
 * own scare quotes stay unattributed.
 */
const clauseSubject: Rule = (c) => {
  if (c.before === c.beforeStart) return undefined;
  // With no reporting verb, a fragment of a few words says little about whose words they are: a
  // capitalised one names something ("visited “Harbour Point”", "his “Hope” poster"), and one
  // after a subject that is a thing ("The plan brings “tax relief”") is the writer's label.
  const words = c.tokens.slice(c.before + 1, c.after).filter((t) => t.pos !== 'PUNCT');
  const fragment = words.length <= 3;
  if (fragment && /^\p{Lu}/u.test(words[0]?.text ?? '')) return undefined;
  for (let j = c.before - 1; j >= c.beforeStart; j--) {
    const t = c.tokens[j];
    if (c.quoted?.(j) || (t.pos !== 'VERB' && t.pos !== 'AUX') || /ing$/i.test(t.text)) continue;
    const subject = speakerBefore(c.tokens, j, clauseFloor(c, j, c.beforeStart));
    if (!subject) continue;
    // A subordinate clause ("… that the plan would be “…”") belongs to the clause further left.
    const prev = c.tokens[subject[0] - 1];
    if (prev && (prev.pos === 'SCONJ' || RELATIVE.test(prev.text))) continue;
    const opens = subject[0] === c.beforeStart || prev.text === ',';
    // The name before any appositive decides: "Doe, director of the agency," is as named as "Doe".
    const all = c.tokens.slice(subject[0], subject[1]);
    const comma = all.findIndex((x) => x.text === ',');
    const head = comma > 0 ? all.slice(0, comma) : all;
    const isName = (part: readonly Token[]) =>
      part.some((x) => x.pos === 'PROPN') &&
      part.every((x) => ['PROPN', 'NOUN', 'ADJ'].includes(x.pos) || /^(?:[.()\-,]|['’]s?)$/.test(x.text));
    // "Another critic, Jane Doe, …": a role first and the name in apposition after it names as well.
    const apposed = comma > 0 ? all.slice(comma + 1).filter((x) => x.text !== ',') : [];
    const named = isName(head) || (apposed.length > 0 && apposed.every((x) => x.pos === 'PROPN' || x.text === '.'));
    const nounHead =
      /^(?:the|a|an)$/i.test(head[0].text) &&
      head.length <= 3 &&
      head.slice(1).every((x) => x.pos === 'NOUN' || x.pos === 'ADJ') &&
      head.at(-1)?.pos === 'NOUN';
    if (opens && (named || (nounHead && !fragment) || /^(?:he|she)$/i.test(head.map((x) => x.text).join(' '))))
      return { speaker: subject, rule: 'clause-subject' };
    return undefined;
  }
  return undefined;
};

/** Nouns naming something said: "her remark that “…”", "Doe's promise of “…”". */
const SPEECH_NOUN =
  /^(?:remarks?|comments?|claims?|statements?|promises?|pledges?|vows?|calls?|assertions?|words|arguments?|warnings?|tweets?|messages?|slogans?|lines?|phrases?|mottos?|refrains?|suggestions?|charges?|accusations?|contentions?|declarations?|descriptions?|insistence|complaints?|criticism|rhetoric|quip|joke|retort|admission|boast|prediction)$/i;

/**
 * "Doe's remark that “…”", "his promise of “…”", "Doe's “…” pledge": the possessor of a noun
 * of speech next to the quote said it. The possessive is part of the span, as written.
 */
const possessiveSource: Rule = (c) => {
  const near = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (c.quoted?.(i) || !SPEECH_NOUN.test(c.tokens[i].text) || c.tokens[i].pos !== 'NOUN') continue;
      let k = i - 1;
      while (k >= c.beforeStart && c.tokens[k].pos === 'ADJ') k--;
      if (k < c.beforeStart) return undefined;
      const t = c.tokens[k];
      if (/^(?:his|her|their)$/i.test(t.text)) return { speaker: [k, k + 1] as TokenRange, rule: 'possessive' };
      if (/^['’]s?$/.test(t.text) && k > c.beforeStart) {
        let start = k - 1;
        while (start > c.beforeStart && c.tokens[start - 1].pos === 'PROPN') start--;
        if (c.tokens[k - 1].pos === 'PROPN') return { speaker: [start, k + 1] as TokenRange, rule: 'possessive' };
      }
      return undefined;
    }
    return undefined;
  };
  // The noun right before the quote ("her remark that “…”") or right after it ("Doe's “…” pledge").
  return near(Math.max(c.beforeStart, c.before - 4), c.before) ?? near(c.after, Math.min(c.afterEnd, c.after + 1));
};

/**
 * "“…” — Jane Doe": a name set after the quote by a dash, and nothing else up to the end of
 * the sentence, signs it (the convention of pull quotes, readers' comments and epigraphs).
 */
const dashCredit: Rule = (c) => {
  if (c.after >= c.afterEnd || !/^[-–—―]$/.test(c.tokens[c.after].text)) return undefined;
  // The quote is a whole sentence; a dash after a fragment opens the writer's aside instead.
  if (!/^[.!?…]$/.test(c.tokens[c.after - 2]?.text ?? '')) return undefined;
  const s = speakerAfter(c.tokens, c.after, c.afterEnd);
  if (!s || s[1] - s[0] > 6 || !c.tokens.slice(s[0], s[1]).every((t) => t.pos === 'PROPN' || /^[.-]$/.test(t.text)))
    return undefined;
  if (!c.tokens.slice(s[1], c.afterEnd).every((t) => t.pos === 'PUNCT' || t.pos === 'X')) return undefined;
  return { speaker: s, rule: 'after:dash' };
};

/**
 * "“Go home,” Doe barked." / "“Not us!” Doe, the group's head, tweeted.": a quote that opens
 * its sentence and breaks off with a comma, "?" or "!" inside the marks is waiting for its
 * attribution, so the subject of the verb that follows says it, whatever the verb — no list of
 * reporting verbs can hold every manner of speaking.
 */
const afterAnyVerb: Rule = (c) => {
  if (!c.tokens.slice(c.beforeStart, c.before).every((t) => t.pos === 'PUNCT')) return undefined;
  if (!/^[”"»]$/.test(c.tokens[c.after - 1]?.text ?? '') || !/^[,?!]$/.test(c.tokens[c.after - 2]?.text ?? ''))
    return undefined;
  const limit = Math.min(c.afterEnd, c.after + AFTER_WINDOW);
  for (let i = c.after; i < limit; i++) {
    const t = c.tokens[i];
    if (/^[“”"«»]$/.test(t.text)) return undefined;
    if (t.pos !== 'VERB') continue;
    if (/ing$/i.test(t.text)) return undefined;
    // Inverted: "“…,” remembered Doe, a former aide." — a past form right after the mark and a
    // named speaker after it.
    if (i === c.after) {
      const after = /ed$/i.test(t.text) ? speakerAfter(c.tokens, i, c.afterEnd) : undefined;
      const named = after && c.tokens.slice(after[0], after[1]).some((x) => x.pos === 'PROPN');
      return after && named ? { speaker: after, rule: 'after:any-verb-inverted' } : undefined;
    }
    const before = speakerBefore(c.tokens, i, c.after);
    if (!before || isRelativeOnly(c.tokens, before) || before[0] !== c.after) return undefined;
    return { speaker: before, rule: 'after:any-verb' };
  }
  return undefined;
};

/**
 * "“…,” as the Harbour Times put it" / "As Doe puts it, “…”": the idiom credits whoever put
 * the words that way, though "put" reports nothing elsewhere.
 */
const asPutIt: Rule = (c) => {
  const find = (from: number, to: number) => {
    for (let i = from; i + 3 <= to; i++) {
      if (!/^as$/i.test(c.tokens[i].text) || c.quoted?.(i)) continue;
      for (let k = i + 2; k + 1 < to && k - i <= 12; k++) {
        if (!/^puts?$/i.test(c.tokens[k].text) || !/^it$/i.test(c.tokens[k + 1].text)) continue;
        const s = speakerBefore(c.tokens, k, i + 1);
        if (s && s[0] === i + 1) return { speaker: s, cue: 'put', rule: 'as-put-it' };
      }
    }
    return undefined;
  };
  return find(c.after, c.afterEnd) ?? find(c.beforeStart, c.before);
};

const RULES: Rule[] = [
  dashCredit,
  afterCue,
  accordingTo,
  asPutIt,
  afterAnyVerb,
  beforeCue,
  clauseSubject,
  possessiveSource,
];

/** The speaker phrase and cue of one quote from the clauses around it, or undefined. */
export function attribute(context: QuoteContext): Attribution | undefined {
  const found = firstRule(context);
  if (!found || !renderingOwner(context.tokens, found.speaker)) return found;
  const rest = withoutSource(context, found.speaker);
  const reporter = rest ? firstRule(rest) : undefined;
  return reporter?.cue && !renderingOwner(context.tokens, reporter.speaker)
    ? { ...found, reporter: reporter.speaker }
    : found;
}

function firstRule(context: QuoteContext): Attribution | undefined {
  for (const rule of RULES) {
    const found = rule(context);
    if (found && rule === beforeCue) return sentenceReporter(context) ?? found;
    if (found) return found;
  }
  return undefined;
}

/**
 * The quote's context with the clause of a source phrase cut off ("…, according to a
 * transcript", "According to the text, …"), so that the rules can find a report the sentence
 * holds besides it.
 */
function withoutSource(c: QuoteContext, [s, e]: TokenRange): QuoteContext | undefined {
  if (s >= c.after) {
    let cut = s;
    if (/^to$/i.test(c.tokens[cut - 1]?.text ?? '') && /^according$/i.test(c.tokens[cut - 2]?.text ?? '')) cut -= 2;
    while (cut > c.after && /^[,:]$/.test(c.tokens[cut - 1].text)) cut--;
    return { ...c, afterEnd: cut };
  }
  if (e <= c.before) {
    let from = e;
    while (from < c.before && /^[,:]$/.test(c.tokens[from].text)) from++;
    return { ...c, beforeStart: from };
  }
  return undefined;
}

/**
 * "Fans chanted “…”, referring to the plan, the Harbour Times reports.": a report closing the
 * sentence frames everything before it, the attribution inside included, and the corpora credit
 * that outer source.
 */
function sentenceReporter(c: QuoteContext): Attribution | undefined {
  for (let i = c.after; i < c.afterEnd; i++) {
    if (/^[“”"«»]$/.test(c.tokens[i].text)) return undefined;
    const lemma = cueAt(c.tokens[i]);
    if (!lemma || c.tokens[i].pos !== 'VERB') continue;
    const found = closingReport(c, i, lemma);
    if (found) return { ...found, rule: 'after:outer-report' };
  }
  return undefined;
}

/**
 * A longer sentence of reported speech just before a bare quote in its paragraph ("Doe argues
 * that the charge is baseless. “…”", "The group will watch the case, Doe says. “…”"): the quote
 * goes on with the same person's words. Only the main clause counts — its subject opening the
 * sentence before a strong cue, or a closing "…, Doe says." — and a sentence with quotation
 * marks of its own is left to the quote it holds.
 */
function reportingSentence(tokens: readonly Token[], start: number, end: number): Attribution | undefined {
  if (tokens.slice(start, end).some((t) => /^[“”"«»]$/.test(t.text))) return undefined;
  let first = start;
  while (first < end && (tokens[first].pos === 'CCONJ' || tokens[first].pos === 'ADV')) first++;
  for (let i = first; i < end; i++) {
    const lemma = cueAt(tokens[i]);
    if (!lemma || isWeakCue(lemma) || tokens[i].pos !== 'VERB' || /ing$/i.test(tokens[i].text)) continue;
    const before = speakerBefore(tokens, i, start);
    if (before && before[0] === first && !isRelativeOnly(tokens, before))
      return { speaker: before, cue: lemma, rule: 'sentence:reporting' };
    break;
  }
  let last = end - 1;
  while (last > start && tokens[last].pos === 'PUNCT') last--;
  const cue = tokens[last];
  const lemma = cueAt(cue);
  if (lemma && !isWeakCue(lemma) && cue.pos === 'VERB') {
    const before = speakerBefore(tokens, last, start);
    if (before && tokens[before[0] - 1]?.text === ',' && !isRelativeOnly(tokens, before))
      return { speaker: before, cue: lemma, rule: 'sentence:closing-report' };
  }
  return undefined;
}

/** A sentence (token range) of the form "Doe said:" / "Doe said." / "Said Doe:" that introduces or closes a bare quote. */
export function attributionSentence(tokens: readonly Token[], start: number, end: number): Attribution | undefined {
  const words = tokens.slice(start, end).filter((t) => t.pos !== 'PUNCT');
  if (words.length > 10) return reportingSentence(tokens, start, end);
  if (words.length === 0) return undefined;
  for (let i = start; i < end; i++) {
    const lemma = cueAt(tokens[i]);
    if (!lemma) continue;
    if (isWeakCue(lemma)) {
      // "Doe continued his remarks." before a bare quote: a weak cue whose subject opens the
      // short sentence reports too, unless it governs a verb ("costs continue to rise").
      const before =
        tokens[i].pos === 'VERB' && !/^to$/i.test(tokens[i + 1]?.text ?? '')
          ? speakerBefore(tokens, i, start)
          : undefined;
      if (before && before[0] === start && !isRelativeOnly(tokens, before))
        return { speaker: before, cue: lemma, rule: 'sentence:weak-cue' };
      continue;
    }
    const before = speakerBefore(tokens, i, start);
    if (before) return { speaker: before, cue: lemma, rule: 'sentence:speaker-cue' };
    const after = speakerAfter(tokens, i, end);
    if (after) return { speaker: after, cue: lemma, rule: 'sentence:cue-speaker' };
  }
  return undefined;
}

/**
 * A sentence ending in a colon that introduces the quote after it, however long: "Doe
 * continued:", "As Doe observed, the real winner was the network:", "Doe released a statement:".
 * Its reporter is the subject of its first reporting verb (weak ones included), else the subject
 * of its main verb.
 */
export function colonIntroduction(tokens: readonly Token[], start: number, end: number): Attribution | undefined {
  for (let i = start; i < end; i++) {
    const lemma = cueAt(tokens[i]);
    // "The Harbour Times reports:": right before the colon and after a name, a cue's "-s" form
    // the tagger reads as a plural noun is the verb.
    const verbBeforeColon =
      i + 1 < end &&
      tokens[i + 1].text === ':' &&
      /s$/.test(tokens[i].text) &&
      ['PROPN', 'PRON'].includes(tokens[i - 1]?.pos ?? '');
    if (!lemma || (tokens[i].pos === 'NOUN' && !verbBeforeColon)) continue;
    const before = speakerBefore(tokens, i, start);
    if (before && !isRelativeOnly(tokens, before)) return { speaker: before, cue: lemma, rule: 'colon:speaker-cue' };
    // "Said Doe:" / "Added the senator:"
    const after = i === start ? speakerAfter(tokens, i, end) : undefined;
    if (after) return { speaker: after, cue: lemma, rule: 'colon:cue-speaker' };
  }
  const subject = mainSubject(tokens, start, end);
  return subject ? { speaker: subject, rule: 'colon:subject' } : undefined;
}
