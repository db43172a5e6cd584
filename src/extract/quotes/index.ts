/**
 * Direct quotes with their speakers: quotation marks found (marks.ts), interrupted quotes joined
 * ("“X,” she said, “Y.”"), each attributed from the clause beside it (attribution.ts) and the
 * speaker phrase resolved to a full name through the article's cast (entities/cast.ts).
 */
import type { Article, QuoteMention, Span, Token } from '../../core/types.js';
import { buildCast, type Cast, isPersonPronoun, type Person, roleMention } from '../entities/cast.js';
import { extractEntities } from '../entities/index.js';
import { type Attribution, attribute, attributionSentence, colonIntroduction } from './attribution.js';
import { isWeakCue, reportingLemma } from './cues.js';
import { opensWithHeadline } from './headline.js';
import { findQuotations, outrightQuotations, type Quotation, trimInner } from './marks.js';
import { knownPerson, renderingOwner, renderingSpeaker } from './rendering.js';
import { retagForSpeakers, speakerBefore } from './speaker-span.js';

interface FlatTokens {
  tokens: Token[];
  /** Sentence index of each token. */
  sentenceOf: number[];
}

function flatten(article: Article): FlatTokens {
  const tokens: Token[] = [];
  const sentenceOf: number[] = [];
  for (const s of article.sentences) {
    for (const t of s.tokens) {
      tokens.push(t);
      sentenceOf.push(s.index);
    }
  }
  return { tokens: retagForSpeakers(tokens, (w) => reportingLemma(w) !== undefined), sentenceOf };
}

/** Index of the first token starting at or after `offset`. */
function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].span[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Two quotations are one interrupted quote when only a short reporting clause separates them
 * inside one sentence: "“We are ready,” she said, “to talk.”" — the clause holds a reporting
 * verb, is at most 8 words, and ends in a comma (a full stop there starts a new quote).
 */
function isInterruption(text: string, a: Quotation, b: Quotation): boolean {
  if (!a.closed || a.paragraph !== b.paragraph) return false;
  const between = text.slice(a.close + 1, b.open);
  if (!/,\s*$/.test(between) && !/,\s*$/.test(text.slice(a.inner[0], a.inner[1]))) return false;
  if (!/,\s*$/.test(between)) return false;
  // "“X,” Doe said. Roe added, “Y.”": a full stop after a lower-case word ends the sentence, so
  // the clause between is the second quote's own attribution ("Sen." and "D.C." are abbreviations).
  if (/\p{Ll}[.!?]\s/u.test(between)) return false;
  // "“… colleagues.” At the same time, Roe added, “…”": a first part closed by a full stop ends
  // its sentence, and a capital after it opens the next one.
  if (/[.!?]\s*$/.test(text.slice(a.inner[0], a.inner[1])) && /^\s*\p{Lu}/u.test(between)) return false;
  const words = between.match(/[\p{L}’'.-]+/gu) ?? [];
  return words.length > 0 && words.length <= 8 && words.some((w) => reportingLemma(w) !== undefined);
}

/** A run-on quote's next part: the following paragraph opens with a quotation mark. */
function continuesInto(a: Quotation, b: Quotation, paragraphs: readonly Span[]): boolean {
  return !a.closed && b.paragraph === a.paragraph + 1 && b.open === paragraphs[b.paragraph][0];
}

function groupQuotations(text: string, quotations: Quotation[], paragraphs: readonly Span[]): Quotation[][] {
  const groups: Quotation[][] = [];
  for (const q of quotations) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    // A part that opens with a transcript label ("“DOE: …") is the next speaker's turn, not a run-on.
    const run = prev !== undefined && continuesInto(prev, q, paragraphs) && !transcriptLabel(text, q.inner);
    if (last && prev && (isInterruption(text, prev, q) || run)) last.push(q);
    else groups.push([q]);
  }
  return groups;
}

/** Partial: the quote is a fragment inside the writer's own sentence ("called it “a disgrace”"). */
function isPartial(text: string, group: Quotation[]): boolean {
  const first = group[0];
  const lastQ = group[group.length - 1];
  const before = text.slice(Math.max(0, first.open - 3), first.open);
  const innerText = text.slice(first.inner[0], first.inner[1]).trim();
  // "Doe said “We will stay here.”": a capitalised sentence right after a reporting verb is a
  // whole sentence quoted, the comma before it left out, not a fragment in the writer's sentence
  // (as a title after "told" or "wrote" is).
  const wordBefore = /([\p{L}’']+)\s*$/u.exec(text.slice(Math.max(0, first.open - 30), first.open))?.[1] ?? '';
  const lemma = reportingLemma(wordBefore);
  const reported =
    lemma !== undefined &&
    !isWeakCue(lemma) &&
    /^\p{Lu}/u.test(innerText) &&
    /[.!?,]$/.test(innerText) &&
    innerText.split(/\s+/).length >= 4;
  const glued = /[\p{L}\p{N}]\s*$/u.test(before) && !reported;
  const after = text.slice(lastQ.close + 1, lastQ.close + 4);
  const continues =
    lastQ.closed && /^\s*\p{L}/u.test(after) && !/[.!?,;:…—-]\s*$/.test(text.slice(lastQ.inner[0], lastQ.inner[1]));
  return glued || (continues && /^\p{Ll}/u.test(innerText));
}

/** Small words a title leaves in lower case ("Guardians of the Galaxy"). */
const TITLE_SMALL = /^(?:a|an|the|of|in|on|at|to|for|and|or|but|with|from|by|as|vs\.?)$/;

/** Title Case with no sentence punctuation: every word but the small ones capitalised, the first too. */
export function isTitle(quote: string): boolean {
  // A title quoted at the end of a sentence takes the sentence's full stop inside the marks.
  const trimmed = quote.replace(/[,;:]+$/, '').replace(/(?<!\b\p{Lu})\.$/u, '');
  if (/[.!?…]$/.test(trimmed.trim()) || /[,;:]/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2 || words.length > 8 || !/^\p{Lu}/u.test(words[0])) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || TITLE_SMALL.test(w) || /^\d/.test(w));
}

/**
 * A transcript turn quoted whole ("“DOE: We will not leave.”"): the upper-case speaker label
 * before a colon that opens the quote.
 */
function transcriptLabel(text: string, inner: Span): Span | undefined {
  const m = /^([\p{Lu}][\p{Lu}.'’-]*(?: [\p{Lu}][\p{Lu}.'’-]*){0,2}):\s/u.exec(text.slice(inner[0], inner[1]));
  if (!m || !/\p{Lu}{2}/u.test(m[1])) return undefined;
  return [inner[0], inner[0] + m[1].length];
}

/** The speaker as a name: pronouns and roles resolved through the cast, names completed. */
function resolveSpeaker(
  article: Article,
  cast: Cast,
  range: Span,
  quoteStart: number,
  insideQuote: (at: number) => boolean,
): string {
  const written = article.text.slice(range[0], range[1]).replace(/[,\s]+$/, '');
  const head = written.split(',')[0].trim();
  // "Doe, who said …": the relative pronoun stands for the person named just before it.
  if ((isPersonPronoun(head.split(/\s+/)[0]) || /^who$/i.test(head)) && head.split(/\s+/).length === 1) {
    return cast.lastPersonBefore(Math.min(range[0], quoteStart), insideQuote)?.name ?? head;
  }
  const role = roleMention(head);
  if (role) return cast.roleHolder(role, range[0])?.name ?? head;
  if (/^\p{Lu}/u.test(head) && !/^(?:The|A|An|They|It|We|I|You|Which|Who)\b/.test(head)) {
    return cast.mention(head, range[0])?.name ?? head;
  }
  // "the agency", "a spokesperson for Acme": an appositive may still name the person ("…, Jane Doe,").
  return head;
}

/**
 * People the NER misses because the article never names them in full ("Varga said", "Doe
 * told reporters"): the capitalised subject of any reporting verb is a person. Registered before
 * quotes are attributed, so that a later "he" can resolve to them.
 */
function registerReportingSubjects(article: Article, cast: Cast, tokens: Token[], sentenceOf: number[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const lemma = reportingLemma(tokens[i].text);
    if (!lemma || isWeakCue(lemma) || (tokens[i].pos !== 'VERB' && tokens[i].pos !== 'AUX')) continue;
    let floor = i;
    while (floor > 0 && sentenceOf[floor - 1] === sentenceOf[i]) floor--;
    const range = speakerBefore(tokens, i, floor);
    if (!range) continue;
    const phrase = tokens.slice(range[0], range[1]);
    if (!phrase.every((t) => t.pos === 'PROPN' || t.text === '.')) continue;
    const text = article.text.slice(phrase[0].span[0], phrase[phrase.length - 1].span[1]);
    cast.mention(text, phrase[0].span[0]);
  }
}

/**
 * Whether the quote before a bare one was a turn of speech the bare quote can go on with: a
 * quote its speaker says outright ("“…,” Doe said", "Doe said: “…”"), not a fragment quoted
 * inside the writer's own sentence ("Doe called the plan “a mess”"), nor one that was itself
 * only carried on from the quote before it.
 */
function speaksInTurn(prev: { attribution?: Attribution; partial?: boolean }): boolean {
  const rule = prev.attribution?.rule;
  // "… because “…,” she said. “…”": a fragment its speaker's own report closes is a turn too.
  const reportedAfter = rule === 'after:speaker-cue' || rule === 'after:cue-speaker';
  return (
    rule !== undefined &&
    (!prev.partial || reportedAfter) &&
    !/^(?:clause-subject|possessive|after:closing-report)$/.test(rule)
  );
}

export interface ExtractQuotesOptions {
  /**
   * Unattributed quotations shorter than this many words are dropped: a lone "so-called" or a
   * film title in quotation marks is a scare quote, not something anyone said. Attributed
   * quotes are always kept, however short ("called it “a disgrace”").
   */
  minUnattributedWords?: number;
  /**
   * Resolve each speaker phrase to a full name through the article's cast (default true). The
   * cast needs the named-entity pass, by far the costliest step; callers that only need the
   * spans (the PolNeAR eval scores speaker spans, not names) can skip it.
   */
  resolveNames?: boolean;
}

/** Every direct quote in the article, with speaker, speaker span and cue where they can be found. */
export function extractQuotes(article: Article, options: ExtractQuotesOptions = {}): QuoteMention[] {
  const minWords = options.minUnattributedWords ?? 3;
  const { text, paragraphs } = article;
  const { tokens, sentenceOf } = flatten(article);
  const quotations = outrightQuotations(text, findQuotations(text, paragraphs));
  if (quotations.length === 0) return [];
  const resolveNames = options.resolveNames ?? true;
  let cast: Cast | undefined;
  const castOf = (): Cast => {
    if (!cast) {
      cast = buildCast(article, extractEntities(article));
      registerReportingSubjects(article, cast, tokens, sentenceOf);
    }
    return cast;
  };
  const insideQuote = (at: number) => quotations.some((q) => at > q.open && at < q.close);
  // "…, according to a transcript of her address": the span stays as written, the name is the
  // person who spoke — the sentence's own reporter ("Doe said …") first, else the rendering's owner.
  const renderedBy = (a: Attribution): Person | undefined => {
    if (!renderingOwner(tokens, a.speaker)) return undefined;
    const context = { article, cast: castOf(), tokens, sentenceOf, insideQuote };
    const reporter =
      a.reporter && knownPerson(context, [tokens[a.reporter[0]].span[0], tokens[a.reporter[1] - 1].span[1]]);
    return reporter ?? renderingSpeaker(context, a.speaker);
  };
  // Quotes in a headline are recased and abridged; the body carries them as said.
  const headline = opensWithHeadline(text, paragraphs);
  const groups = groupQuotations(text, quotations, paragraphs).filter((g) => !headline || g[0].paragraph > 0);
  const sentenceTokenStart = new Map<number, number>();
  const sentenceTokenEnd = new Map<number, number>();
  sentenceOf.forEach((s, i) => {
    if (!sentenceTokenStart.has(s)) sentenceTokenStart.set(s, i);
    sentenceTokenEnd.set(s, i + 1);
  });
  const paragraphOfSentence = (s: number) => article.sentences[s]?.paragraph ?? -1;

  type Found = QuoteMention & { attribution?: Attribution; paragraph: number; lastSentence: number; short?: boolean };
  const mentions: Found[] = [];
  groups.forEach((group, g) => {
    const first = group[0];
    const last = group[group.length - 1];
    const open = tokenAtOrAfter(tokens, first.open);
    // An interrupted quote is attributed by the clause between its parts ("“X,” she said, “Y.”").
    const interrupted = group.length > 1 && group[1].paragraph === first.paragraph;
    const ending = interrupted ? first : last;
    const afterMark = ending.closed ? ending.close + 1 : ending.close;
    let after = tokenAtOrAfter(tokens, afterMark);
    const nextGroup = groups[g + 1];
    const nextOpen = interrupted
      ? tokenAtOrAfter(tokens, group[1].open)
      : nextGroup
        ? tokenAtOrAfter(tokens, nextGroup[0].open)
        : tokens.length;
    const openSentence = sentenceOf[Math.min(open, tokens.length - 1)] ?? 0;
    const paragraph = first.paragraph;
    let afterEnd = after < tokens.length ? (sentenceTokenEnd.get(sentenceOf[after]) ?? after) : after;
    if (after < tokens.length && paragraphOfSentence(sentenceOf[after]) !== ending.paragraph) afterEnd = after;
    afterEnd = Math.min(afterEnd, nextOpen);
    if (afterEnd < after) after = afterEnd;
    // The clause before the quote runs from the sentence start; earlier quotations in the
    // sentence are skipped over, not stopped at ("Doe visited “Today,” saying “…”").
    const beforeStart = sentenceTokenStart.get(openSentence) ?? 0;
    // A fragment quoted inside the writer's sentence that also ends it ('proclaimed a goal of
    // "Peace Through Strength."') has no clause after it: the next sentence is about something else.
    const glued = /[\p{L}\p{N}]\s*$/u.test(text.slice(Math.max(0, first.open - 2), first.open));
    const endsSentence =
      /[.!?]\s*$/.test(text.slice(ending.inner[0], ending.inner[1])) ||
      /^[.!?]/.test(text.slice(afterMark, afterMark + 1));
    if (glued && endsSentence && !interrupted) afterEnd = after;
    // A quote closed by a full stop ends its sentence: what follows is a new sentence, and it
    // speaks for this quote only when it is a short attribution of its own ("Doe said."), not
    // the next quote's ("He added, “…”").
    if (/\.\s*$/.test(text.slice(ending.inner[0], ending.inner[1])) && !interrupted && afterEnd > after) {
      const sentenceEnd = sentenceTokenEnd.get(sentenceOf[after]) ?? afterEnd;
      const nextSentence = tokens.slice(after, afterEnd);
      const quoteMark = nextOpen < sentenceEnd || nextSentence.some((t) => /^[“”"«»]$/.test(t.text));
      if (quoteMark || nextSentence.filter((t) => t.pos !== 'PUNCT').length > 10) afterEnd = after;
    }
    let attribution = attribute({
      tokens,
      after,
      afterEnd,
      beforeStart: Math.min(beforeStart, open),
      before: open,
      quoted: (i) => insideQuote(tokens[i].span[0]),
    });

    const spans: Span[] = group.map((q) => trimInner(text, q.inner)).filter((s) => s[1] > s[0]);
    if (spans.length === 0) return;
    const quoteText = spans.map((s) => text.slice(s[0], s[1])).join(' … ');
    const lastSentence = sentenceOf[Math.max(0, Math.min(after, tokens.length) - 1)] ?? openSentence;

    // A bare quote sentence: the sentence just before ("Doe said:") or just after ("Doe said.").
    if (!attribution) {
      const prevSentence = openSentence - 1;
      // "Doe said:" may close the previous paragraph; "Doe said." only introduces a quote in its own paragraph.
      const prev = article.sentences[prevSentence];
      // "Doe said the talks had stalled. ¶ “…”": a paragraph that is a quote and nothing else,
      // after a paragraph of reported speech with no quotation of its own, goes on with that report.
      const prevParagraph = paragraphs[paragraph - 1];
      const reportedParagraph =
        prevParagraph !== undefined &&
        first.open === paragraphs[paragraph][0] &&
        !/[\p{L}\p{N}]/u.test(text.slice(last.close + 1, paragraphs[last.paragraph][1])) &&
        !/[“”"«»]/.test(text.slice(prevParagraph[0], prevParagraph[1]));
      const introduces =
        prev &&
        (/:\s*$/.test(prev.text) || reportedParagraph
          ? paragraphOfSentence(prevSentence) >= paragraph - 1
          : prev.paragraph === paragraph);
      if (prevSentence >= 0 && introduces) {
        const s = sentenceTokenStart.get(prevSentence) ?? 0;
        const e = sentenceTokenEnd.get(prevSentence) ?? 0;
        const found = /:\s*$/.test(prev.text) ? colonIntroduction(tokens, s, e) : attributionSentence(tokens, s, e);
        // Words inside the quote that ends the sentence before ("“I will,” Doe said.") are
        // nobody's attribution: that quote's own speaker carries on instead.
        if (found && !insideQuote(tokens[found.speaker[0]].span[0]))
          attribution = { ...found, rule: 'previous-sentence' };
      }
    }
    const words = quoteText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    // A title in quotation marks inside the writer's sentence ("appeared on “Meet the Press”",
    // "the film “The Long Night”") names a work; nobody says it.
    if (isPartial(text, group) && group.length === 1 && isTitle(quoteText)) return;
    // Attribute values of markup left in the text (author="…", timestamp="…") are not quotes.
    if (/=\s*$/.test(text.slice(Math.max(0, first.open - 2), first.open))) return;
    const mention: Found = {
      text: quoteText,
      spans,
      partial: isPartial(text, group),
      sentence: openSentence,
      paragraph,
      lastSentence,
      attribution,
    };
    const label = transcriptLabel(text, spans[0]);
    if (label) {
      // A transcript turn names its speaker inside the marks; nothing outside can outrank that.
      mention.speakerSpan = label;
      mention.speaker = resolveNames
        ? resolveSpeaker(article, castOf(), label, first.open, insideQuote)
        : text.slice(label[0], label[1]);
    } else if (attribution) {
      const speakerSpan: Span = [tokens[attribution.speaker[0]].span[0], tokens[attribution.speaker[1] - 1].span[1]];
      mention.speakerSpan = speakerSpan;
      mention.speaker = resolveNames
        ? (renderedBy(attribution)?.name ?? resolveSpeaker(article, castOf(), speakerSpan, first.open, insideQuote))
        : article.text.slice(speakerSpan[0], speakerSpan[1]);
      if (attribution.cue) mention.cue = attribution.cue;
    } else if (words < minWords) {
      // Kept until a report closing the sentence has had its say ("… “a crisis” and “a
      // disgrace,” Doe said.").
      mention.short = true;
    }
    mentions.push(mention);
  });

  // "Guns are “a crisis” and “stunt growth,” Doe said.": a report closing the sentence covers
  // every quote in it, not only the last.
  for (let i = mentions.length - 2; i >= 0; i--) {
    const q = mentions[i];
    const next = mentions[i + 1];
    const rule = next.attribution?.rule;
    if (
      next.sentence === q.sentence &&
      next.speakerSpan &&
      rule !== undefined &&
      /^after:(?:speaker-cue|cue-speaker|closing-report)$/.test(rule) &&
      (q.attribution === undefined || q.attribution.rule === 'clause-subject')
    ) {
      q.speaker = next.speaker;
      q.speakerSpan = next.speakerSpan;
      q.cue = next.cue;
      q.attribution = next.attribution;
    }
  }

  const results = mentions.filter((q) => !q.short || q.speakerSpan);

  // Bare quotes continue the speaker of the quote before them in the same or previous paragraph:
  // "“What do they want?” Doe asked. “They want the oil.”"
  for (let i = 0; i < results.length; i++) {
    const q = results[i];
    if (q.speaker) continue;
    const prev = results[i - 1];
    if (prev?.speaker && q.paragraph - prev.paragraph <= 1 && !q.partial && speaksInTurn(prev)) {
      q.speaker = prev.speaker;
      q.speakerSpan = prev.speakerSpan;
      q.cue = prev.cue;
    }
  }
  return results.map(({ attribution: _a, paragraph: _p, lastSentence: _l, short: _s, ...q }) => q);
}
