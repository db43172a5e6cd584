import type { Article, Hedge } from '../core/types.js';
import { citeSentence } from './citation.js';
import { type BriefContext, inStoryOrder } from './context.js';
import { contentLemmas, jaccard } from './similarity.js';
import { isStorySentence } from './story-sentence.js';
import type { BriefFact, SummarySentence } from './types.js';

/**
 * An extractive summary: 5–7 sentences of the story, each cited, none saying the same thing twice,
 * in story order.
 *
 * A candidate is a sentence together with its versions in other articles (the aligner's pairing),
 * represented by its earliest occurrence. It scores on:
 * - corroboration (weight CORROBORATION): how many independent sources carry it, relative to the
 *   best-carried sentence — the brief's promise is what is sourced, and a sentence every
 *   independent report carries is the story's core;
 * - lead position (LEAD): news is written as an inverted pyramid, the first sentences state what
 *   happened, later ones background and colour;
 * - earliness of the version (EARLIEST): the first version is closest to the source;
 * - checkable detail (DETAIL): the facts it states (the brief's facts: figures with their nouns,
 *   names and dates left out) that the sentences already picked do not, a date counting half and a
 *   vague "several" or "dozens" not at all, up to DETAIL_FULL of them. A reader of a five-sentence
 *   summary wants the numbers — how many hurt, how much, how far — and the sentences that carry
 *   several figures are the ones that say what happened; a fact said twice is not worth a second
 *   sentence, so the picks are made one at a time and a fact counts only until a pick states it;
 * - speech (QUOTED, subtracted): a sentence that is mostly quoted words is colour, and a quote
 *   continuing the previous sentence ("We will get answers.") does not even say who speaks.
 * Only sentences that end as sentences do (a stop, possibly inside closing quotes) are candidates:
 * a headline or a standfirst left in the body restates the lead without being part of the story.
 * Sentences under MIN_WORDS ("Five people were killed." passes, a dateline or "He declined." does
 * not carry a story) and over MAX_WORDS (run-ons that are usually mis-segmented lists) are left out.
 * Two picks are duplicates when their content words overlap by DUPLICATE or more.
 */
const CORROBORATION = 0.35;
const LEAD = 0.25;
const EARLIEST = 0.1;
const DETAIL = 0.3;
const DETAIL_FULL = 2;
const QUOTED = 0.15;
const MOSTLY_QUOTED = 0.6;
const MIN_WORDS = 5;
const MAX_WORDS = 60;
const DUPLICATE = 0.5;
const MIN_SENTENCES = 5;
const MAX_SENTENCES = 7;

interface Candidate {
  article: Article;
  sentence: number;
  articles: string[];
  sources: number;
  lemmas: Set<string>;
  /** The score without detail: corroboration, lead, earliness, speech. */
  base: number;
  /** The figures the sentence states ("1200|resident", "date:2026-03-09"), with their weight. */
  figures: Map<string, number>;
}

/** "Several days", "dozens of homes": a number no one can check is not a detail. */
const VAGUE = new Set<Hedge>(['several', 'dozens', 'hundreds', 'thousands']);

const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/u;

/**
 * The figures a sentence states: the facts (see facts.ts: a figure with its noun, names and dates
 * left out) reported in it, and its dates at half weight. A vague fact ("several days") weighs
 * nothing.
 */
function figuresOf(
  ctx: BriefContext,
  factsIn: Map<string, { id: string; hedge: Hedge }[]>,
  article: Article,
  sentence: number,
): Map<string, number> {
  const figures = new Map<string, number>();
  for (const fact of factsIn.get(`${article.id}#${sentence}`) ?? [])
    figures.set(fact.id, VAGUE.has(fact.hedge) ? 0 : 1);
  for (const d of ctx.dates.get(article.id) ?? []) if (d.sentence === sentence) figures.set(`date:${d.resolved}`, 0.5);
  return figures;
}

/** Where each fact (and each conflicting figure, under its fact's id) is reported. */
function factsBySentence(facts: readonly BriefFact[]): Map<string, { id: string; hedge: Hedge }[]> {
  const bySentence = new Map<string, { id: string; hedge: Hedge }[]>();
  for (const fact of facts)
    for (const variant of [fact, ...fact.conflicts])
      for (const r of variant.reports) {
        const key = `${r.article}#${r.sentence}`;
        bySentence.set(key, [...(bySentence.get(key) ?? []), { id: fact.id, hedge: variant.hedge }]);
      }
  return bySentence;
}

/** The share of the sentence's characters inside quotation marks. */
function quotedShare(ctx: BriefContext, article: Article, sentence: number): number {
  const [start, end] = article.sentences[sentence].span;
  let quoted = 0;
  for (const q of ctx.quotes.get(article.id) ?? [])
    for (const [s, e] of q.spans) quoted += Math.max(0, Math.min(e, end) - Math.max(s, start));
  return quoted / Math.max(1, end - start);
}

export function buildSummary(ctx: BriefContext, facts: readonly BriefFact[]): SummarySentence[] {
  const factsIn = factsBySentence(facts);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const lastRank = Math.max(1, ctx.order.length - 1);
  for (const article of ctx.order) {
    for (const sentence of article.sentences) {
      const group = ctx.links.group(article.id, sentence.index);
      if (seen.has(group)) continue; // an earlier version of this sentence already stands for it
      seen.add(group);
      const words = sentence.tokens.filter((t) => t.pos !== 'PUNCT').length;
      if (words < MIN_WORDS || words > MAX_WORDS || !isStorySentence(sentence)) continue;
      if (!ENDS_SENTENCE.test(sentence.text.trim())) continue;
      const articles = inStoryOrder(
        ctx,
        ctx.links.linked(article.id, sentence.index).map((o) => o.article),
      );
      if (!articles.includes(article.id)) articles.unshift(article.id);
      candidates.push({
        article,
        sentence: sentence.index,
        articles,
        sources: ctx.sources.count(articles),
        lemmas: contentLemmas(sentence),
        base: 0,
        figures: figuresOf(ctx, factsIn, article, sentence.index),
      });
    }
  }
  const maxSources = Math.max(1, ...candidates.map((c) => c.sources));
  for (const c of candidates) {
    const position = c.sentence / Math.max(1, c.article.sentences.length);
    c.base =
      CORROBORATION * (c.sources / maxSources) +
      LEAD * (1 - position) +
      EARLIEST * (1 - (ctx.rank.get(c.article.id) ?? 0) / lastRank) -
      (quotedShare(ctx, c.article, c.sentence) >= MOSTLY_QUOTED ? QUOTED : 0);
  }
  // How many: about a quarter of the distinct sentences, within 5–7 (fewer only if there are fewer).
  const wanted = Math.min(
    candidates.length,
    Math.max(MIN_SENTENCES, Math.min(MAX_SENTENCES, Math.round(candidates.length / 4))),
  );
  const picked: Candidate[] = [];
  const stated = new Set<string>();
  const score = (c: Candidate) => {
    let fresh = 0;
    for (const [figure, weight] of c.figures) if (!stated.has(figure)) fresh += weight;
    return c.base + DETAIL * Math.min(1, fresh / DETAIL_FULL);
  };
  let remaining = [...candidates];
  while (picked.length < wanted) {
    remaining = remaining.filter((c) => !picked.some((p) => jaccard(p.lemmas, c.lemmas) >= DUPLICATE));
    if (remaining.length === 0) break;
    // Candidates are in story order, so a tie goes to the earlier sentence.
    const best = remaining.reduce((a, b) => (score(b) > score(a) ? b : a));
    picked.push(best);
    for (const figure of best.figures.keys()) stated.add(figure);
    remaining = remaining.filter((c) => c !== best);
  }
  picked.sort(
    (a, b) => (ctx.rank.get(a.article.id) ?? 0) - (ctx.rank.get(b.article.id) ?? 0) || a.sentence - b.sentence,
  );
  return picked.map((c) => ({ ...citeSentence(c.article, c.sentence), articles: c.articles, sources: c.sources }));
}
