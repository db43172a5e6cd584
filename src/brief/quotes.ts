import type { Article, QuoteMention } from '../core/types.js';
import { cite } from './citation.js';
import { type BriefContext, inStoryOrder } from './context.js';
import type { BriefQuote, BriefQuoteVariant, Citation, QuoteVariantKind } from './types.js';

/**
 * Each quote of the story once: its canonical wording, its speaker, and the variants the versions
 * carry. Wording is compared on normalised words (case, curly vs straight marks, punctuation and
 * ellipses do not count), since house style is not rewording.
 *
 * Two quote mentions are the same quote when one's words run inside the other's (a partial quote
 * or a trimmed one), or when most of the shorter one's words are in the longer (SAME_QUOTE: a
 * reworded quote keeps most of its words — "What do they want from us?" / "What do they need from us?"
 * share 4 of 5). Quotes of one or two words must match exactly: "a disgrace" is too common to
 * tie two quotes together by overlap.
 *
 * Each mention is compared with the FIRST mention of each quote found so far (in story order),
 * not with every member: a version that joins two of the source's quotes into one ("A. B.")
 * matches both, and chaining through it would make A and B one quote. It joins the first.
 */
const SAME_QUOTE = 0.6;
const MIN_WORDS_FOR_OVERLAP = 3;
/**
 * Overlap only counts between quotes of comparable length: a three-word slogan ("Build It Here")
 * has all its words in many a long quote about building something, and a rewording changes words,
 * not the length of what was said, by half.
 */
const MIN_LENGTH_RATIO = 0.5;

interface Mention {
  article: Article;
  quote: QuoteMention;
  words: string[];
  norm: string;
  key: number;
}

export function quoteWords(text: string): string[] {
  return text
    .replace(/\b(?:\p{L}\.){2,}/gu, (initials) => initials.replace(/\./g, '')) // "U.S." = "US"
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/…|\.\.\./g, ' ')
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

function overlap(a: string[], b: string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const inLong = new Set(long);
  return short.filter((w) => inLong.has(w)).length / Math.max(1, short.length);
}

function isInside(short: string, long: string): boolean {
  return ` ${long} `.includes(` ${short} `);
}

function sameQuote(x: Mention, y: Mention): boolean {
  if (x.norm === y.norm) return true;
  const [short, long] = x.words.length <= y.words.length ? [x, y] : [y, x];
  if (short.words.length >= 2 && isInside(short.norm, long.norm)) return true;
  return (
    short.words.length >= MIN_WORDS_FOR_OVERLAP &&
    short.words.length >= MIN_LENGTH_RATIO * long.words.length &&
    overlap(x.words, y.words) >= SAME_QUOTE
  );
}

function cluster(mentions: Mention[]): Mention[][] {
  const groups: Mention[][] = [];
  for (const m of mentions) {
    const group = groups.find((g) => sameQuote(g[0], m));
    if (group) group.push(m);
    else groups.push([m]);
  }
  return groups;
}

/**
 * The surname a speaker goes by: "Harriet J. Calloway", "Ms. Calloway" and "Calloway" are one
 * speaker; house style on names and titles is not misattribution.
 */
function speakerKey(speaker: string | undefined): string {
  if (!speaker) return '';
  const words = speaker
    .toLowerCase()
    .split(/[^\p{L}'’-]+/u)
    .filter((w) => w && !/^(?:jr|sr|ii|iii|iv)$/.test(w));
  return words[words.length - 1] ?? '';
}

function inferredSourceOf(ctx: BriefContext, article: string): string | undefined {
  for (const d of ctx.trace.derivations)
    if (d.target === article && typeof d.source !== 'string') return d.source.inferred;
  return undefined;
}

/**
 * A variant whose pieces (split at its ellipses: "Grain dust is as volatile … It only needs a
 * spark.") all run inside the canonical words, in order, is a faithful excerpt.
 */
function isExcerpt(variantText: string, canonical: string): boolean {
  let from = 0;
  const padded = ` ${canonical} `;
  for (const piece of variantText.split(/…|\.\.\./)) {
    const words = quoteWords(piece);
    if (words.length === 0) continue;
    const at = padded.indexOf(` ${words.join(' ')} `, from);
    if (at < 0) return false;
    from = at + words.join(' ').length + 1;
  }
  return true;
}

function kindOf(variant: Mention, canonical: Mention): QuoteVariantKind {
  if (variant.norm === canonical.norm) return 'canonical';
  if (isExcerpt(variant.quote.text, canonical.norm)) return 'excerpt';
  return isExcerpt(canonical.quote.text, variant.norm) ? 'extended' : 'reworded';
}

/**
 * What stands between the pieces of an interrupted quote: the attribution, set off by commas and
 * reopening the quotation (`," she said, "`). Two partial quotes in one sentence ("cooperating
 * fully" and that its "thoughts are with…") are two statements, not one.
 */
const INTERRUPTION = /^[,.!?]?\s*["”’']?\s*,?[^"“”]{1,60},\s*["“‘']\s*$/;

/**
 * An interrupted quote ("It was a miracle," she said, "that nobody was hurt.") is extracted as its
 * two pieces, but a reader is told one statement: pieces in one sentence from one speaker are
 * joined, so that the canonical wording is the whole statement and a rewording of either piece is
 * a variant of it.
 */
function joinInterrupted(article: Article, quotes: readonly QuoteMention[]): QuoteMention[] {
  const out: QuoteMention[] = [];
  for (const q of quotes) {
    const prev = out.at(-1);
    const gap = prev ? article.text.slice(prev.spans[prev.spans.length - 1][1], q.spans[0][0]) : '';
    if (prev && prev.sentence === q.sentence && prev.speaker === q.speaker && INTERRUPTION.test(gap)) {
      out[out.length - 1] = { ...prev, text: `${prev.text} … ${q.text}`, spans: [...prev.spans, ...q.spans] };
    } else out.push(q);
  }
  return out;
}

/** Quotes in the order the story first gives them. */
export function buildQuotes(ctx: BriefContext): BriefQuote[] {
  const mentions: Mention[] = [];
  for (const article of ctx.order)
    for (const quote of joinInterrupted(article, ctx.quotes.get(article.id) ?? [])) {
      const words = quoteWords(quote.text);
      if (words.length === 0) continue;
      mentions.push({ article, quote, words, norm: words.join(' '), key: mentions.length });
    }
  const quotes: Omit<BriefQuote, 'id'>[] = [];
  for (const group of cluster(mentions)) {
    // Variants: same words and same speaker. A different speaker is a variant worth showing
    // (a misattribution), even with the same words.
    // A mention whose speaker the extractor did not find is not a misattribution: it joins the
    // variant with the same words and a named speaker, when there is one.
    const byVariant = new Map<string, Mention[]>();
    const named = new Map<string, string>();
    for (const m of group) {
      const speaker = speakerKey(m.quote.speaker);
      if (speaker && !named.has(m.norm)) named.set(m.norm, speaker);
    }
    for (const m of group) {
      const k = `${m.norm}|${speakerKey(m.quote.speaker) || (named.get(m.norm) ?? '')}`;
      byVariant.set(k, [...(byVariant.get(k) ?? []), m]);
    }
    const variants = [...byVariant.values()];
    const first = group[0]; // mentions were collected in story order
    // The canonical wording: the earliest version's. When that version was rewritten from a common
    // source that is not in the pile, the wording most of that source's derivatives share is the
    // best reconstruction of the source's own, and the one any single copy may have changed.
    const inferred = inferredSourceOf(ctx, first.article.id);
    let canonical = variants.find((v) => v.includes(first)) ?? variants[0];
    let canonicalFrom: BriefQuote['canonicalFrom'] = first.article.id;
    if (inferred) {
      const siblings = new Set(
        ctx.trace.derivations
          .filter((d) => typeof d.source !== 'string' && d.source.inferred === inferred)
          .map((d) => d.target),
      );
      const support = (v: Mention[]) =>
        new Set(v.filter((m) => siblings.has(m.article.id)).map((m) => m.article.id)).size;
      canonical = [...variants].sort((a, b) => support(b) - support(a) || a[0].key - b[0].key)[0];
      canonicalFrom = { inferred };
    }
    const cited = (ms: Mention[]): Citation[] =>
      ms.map((m) => {
        const spans = m.quote.spans;
        return cite(m.article, m.quote.sentence, [spans[0][0], spans[spans.length - 1][1]]);
      });
    const ordered = [canonical, ...variants.filter((v) => v !== canonical)];
    const variantList: BriefQuoteVariant[] = ordered.map((v) => {
      const variant: BriefQuoteVariant = {
        text: v[0].quote.text,
        kind: v === canonical ? 'canonical' : kindOf(v[0], canonical[0]),
        articles: inStoryOrder(
          ctx,
          v.map((m) => m.article.id),
        ),
        reports: cited(v),
      };
      const speaker = v.find((m) => m.quote.speaker)?.quote.speaker;
      if (speaker) variant.speaker = speaker;
      return variant;
    });
    const articles = inStoryOrder(
      ctx,
      group.map((m) => m.article.id),
    );
    const quote: Omit<BriefQuote, 'id'> = {
      text: canonical[0].quote.text,
      canonicalFrom,
      articles,
      sources: ctx.sources.count(articles),
      variants: variantList,
    };
    const speaker =
      canonical.find((m) => m.quote.speaker)?.quote.speaker ?? group.find((m) => m.quote.speaker)?.quote.speaker;
    if (speaker) {
      quote.speaker = speaker;
      // A variant whose speaker is someone else (not merely unnamed) is a misattribution to show.
      for (const v of variantList)
        if (v.speaker && speakerKey(v.speaker) !== speakerKey(speaker)) v.speakerDiffers = true;
    }
    quotes.push(quote);
  }
  return quotes.map((q, i) => ({ id: `q${i + 1}`, ...q }));
}
