import type { Article, Finding, Hedge, NumberMention, Span } from '../core/types.js';
import { cite } from './citation.js';
import { type BriefContext, inStoryOrder } from './context.js';
import { DisjointSets } from './disjoint-sets.js';
import { isPersonNoun } from './person-nouns.js';
import { jaccard } from './similarity.js';
import type { BriefFact, BriefFactVariant, Citation } from './types.js';

/**
 * The story's figures: each quantity (same noun, same thing counted) with the value most
 * independent sources give, how many independent sources give it, and the other values and hedges
 * reported for it beside it.
 *
 * Deciding that two mentions count the same thing is the heart of it. "5 people were killed" and
 * "14 people were injured" share a noun but not a quantity; the words around the number tell
 * them apart ("kill" vs "injure"). So a mention's context is the content lemmas of a few tokens
 * either side of it, and:
 * - in sentences the aligner paired (the same sentence in two versions), a mention matches the
 *   same-noun mention of the other sentence whose context is most alike — even when the value
 *   changed, which is exactly the case to show;
 * - elsewhere, two same-noun mentions match when they give the same specific figure (see
 *   isSpecific) or when their contexts overlap enough (CONTEXT_MATCH): independent reports word
 *   things differently but keep the verb and the place;
 * - a specific figure of "people" matches the same figure of a kind of person in another version
 *   ("11 people" / "11 patients", see person-nouns.ts).
 */
const CONTEXT_WINDOW = 5;
const CONTEXT_MATCH = 0.25;

/**
 * A figure of 10 or more, or a fraction, is specific: two versions giving "$86.4 million" or "300
 * construction jobs" for the same noun in one story report the same quantity, however differently
 * the sentences around it are worded (an independent report rarely shares the wire's verbs).
 * Small counts ("two workers", "three silos") recur by chance and still need a matching context.
 */
function isSpecific(value: number): boolean {
  return value >= 10 || !Number.isInteger(value);
}

/** Nouns that count people of any kind: a figure of them may be the same as one of patients. */
const GENERIC_PEOPLE = new Set(['people', 'person']);

const PARTITIVE_DETERMINERS = new Set(['the', 'those', 'these', 'its', 'their', 'our', 'his', 'her']);

interface Mention {
  article: Article;
  mention: NumberMention;
  noun: string;
  context: Set<string>;
  group: string;
  key: number;
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** Content lemmas of the tokens around a number mention, the number and its noun excluded. */
function contextOf(article: Article, m: NumberMention): Set<string> {
  const tokens = article.sentences[m.sentence]?.tokens ?? [];
  const first = tokens.findIndex((t) => t.span[1] > m.span[0]);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].span[0] < m.span[1]) last++;
  const context = new Set<string>();
  if (first < 0) return context;
  for (let i = Math.max(0, first - CONTEXT_WINDOW); i <= Math.min(tokens.length - 1, last + CONTEXT_WINDOW); i++) {
    const t = tokens[i];
    if (i >= first && i <= last) continue;
    if (!['NOUN', 'PROPN', 'VERB', 'ADJ'].includes(t.pos)) continue;
    const lemma = t.lemma.toLowerCase();
    if (lemma !== m.noun && !['be', 'have', 'say'].includes(lemma)) context.add(lemma);
  }
  return context;
}

/** Index of the tokens of a sentence that a span covers: [first, last], or undefined. */
function tokenRange(article: Article, m: NumberMention): [number, number] | undefined {
  const tokens = article.sentences[m.sentence]?.tokens ?? [];
  const first = tokens.findIndex((t) => t.span[1] > m.span[0]);
  if (first < 0 || tokens[first].span[0] >= m.span[1]) return undefined;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].span[0] < m.span[1]) last++;
  return [first, last];
}

/**
 * "Pier 7", "Local 9", "Route 66": digits right after a capitalised word (not opening the
 * sentence) are part of a name, not a count, whatever noun follows ("the Pier 7 grain terminal").
 */
function isLabel(article: Article, m: NumberMention): boolean {
  const range = tokenRange(article, m);
  if (!range || range[0] === 0 || !/^\d/.test(m.text)) return false;
  const before = article.sentences[m.sentence].tokens[range[0] - 1];
  // A sentence's first word is capitalised anyway ("On 12 occasions…"): only a name counts there.
  return /^\p{Lu}/u.test(before.text) && (range[0] > 1 || before.pos === 'PROPN');
}

/**
 * The noun of a partitive figure the extractor left without one: "Three of the injured" counts
 * the injured. Without it such a figure could not be compared across versions at all.
 */
function partitiveNoun(article: Article, m: NumberMention): string | undefined {
  const range = tokenRange(article, m);
  if (!range) return undefined;
  const tokens = article.sentences[m.sentence].tokens;
  let i = range[1] + 1;
  if (tokens[i]?.text.toLowerCase() !== 'of') return undefined;
  i++;
  if (PARTITIVE_DETERMINERS.has(tokens[i]?.text.toLowerCase() ?? '')) i++;
  const head = tokens[i];
  if (!head || !['NOUN', 'ADJ', 'VERB'].includes(head.pos)) return undefined;
  return head.pos === 'NOUN' ? head.lemma.toLowerCase() : head.text.toLowerCase();
}

/** Words that introduce the tally of a noun: "the number of people killed", "the total of boats". */
const TALLY_WORDS = new Set(['number', 'total', 'count', 'tally']);
/** How far (in tokens) the figure may stand after the tallied noun: "… people killed to at least 115". */
const TALLY_REACH = 6;

/**
 * The noun of a figure that ends a tally: "brings the number of people killed to at least 115"
 * counts people, though the noun stands before the figure. The tallied noun is the last noun of
 * the phrase after "number of"; the figure must follow in the same clause, close by.
 */
function tallyNoun(article: Article, m: NumberMention): string | undefined {
  const range = tokenRange(article, m);
  if (!range) return undefined;
  const tokens = article.sentences[m.sentence].tokens;
  for (let i = range[0] - 1; i >= 1 && i >= range[0] - 3 * TALLY_REACH; i--) {
    if (tokens[i].pos === 'PUNCT') return undefined;
    if (!TALLY_WORDS.has(tokens[i - 1].text.toLowerCase()) || tokens[i].text.toLowerCase() !== 'of') continue;
    let head: string | undefined;
    let end = i + 1;
    while (end < range[0] && ['NOUN', 'PROPN', 'ADJ', 'DET', 'VERB'].includes(tokens[end].pos)) {
      if (tokens[end].pos === 'NOUN') head = tokens[end].lemma.toLowerCase();
      else if (head) break; // the noun phrase ended ("people killed")
      end++;
    }
    return head && range[0] - end <= TALLY_REACH ? head : undefined;
  }
  return undefined;
}

function collectMentions(ctx: BriefContext): Mention[] {
  const mentions: Mention[] = [];
  for (const article of ctx.order) {
    const dates = ctx.dates.get(article.id) ?? [];
    for (const mention of ctx.numbers.get(article.id) ?? []) {
      // A figure without a noun ("by 2-1") cannot be compared across versions; a number inside a
      // date ("March 3", "in 2025") is the timeline's business, not a fact.
      // A figure without a noun ("more than 60 in all") is kept for now: it may be the same figure as
      // a counted one in the same sentence of another version (see groupQuantities).
      const noun = mention.noun ?? partitiveNoun(article, mention) ?? tallyNoun(article, mention) ?? '';
      if (dates.some((d) => overlaps(d.span, mention.span))) continue;
      if (isLabel(article, mention)) continue;
      mentions.push({
        article,
        mention,
        noun: noun.toLowerCase(),
        context: contextOf(article, mention),
        group: ctx.links.group(article.id, mention.sentence),
        key: mentions.length,
      });
    }
  }
  return mentions;
}

/** Which mentions count the same quantity (see the comment at the top). */
function groupQuantities(mentions: Mention[]): Mention[][] {
  const groups = new DisjointSets<number>();
  const byNoun = new Map<string, Mention[]>();
  for (const m of mentions) if (m.noun) byNoun.set(m.noun, [...(byNoun.get(m.noun) ?? []), m]);
  for (const same of byNoun.values()) {
    for (const m of same) {
      // Paired sentences: the most alike same-noun mention in each other linked sentence.
      const partners = new Map<string, Mention>();
      for (const o of same) {
        if (o.article.id === m.article.id || o.group !== m.group) continue;
        const where = `${o.article.id}#${o.mention.sentence}`;
        const best = partners.get(where);
        if (!best || jaccard(m.context, o.context) > jaccard(m.context, best.context)) partners.set(where, o);
      }
      for (const o of partners.values()) groups.union(m.key, o.key);
      for (const o of same) {
        if (o.key <= m.key) continue;
        const sameFigure = o.mention.value === m.mention.value && isSpecific(m.mention.value);
        // Within one article only a repeated specific figure is the same quantity ("2,400 residents"
        // in the standfirst and the body); two small counts there are two things counted.
        if (sameFigure) groups.union(m.key, o.key);
        else if (o.article.id !== m.article.id && jaccard(m.context, o.context) >= CONTEXT_MATCH)
          groups.union(m.key, o.key);
      }
    }
  }
  // "11 people" in one report and "11 patients" in another: "people" counts any kind of person.
  const generic = mentions.filter((m) => GENERIC_PEOPLE.has(m.noun) && isSpecific(m.mention.value));
  for (const m of generic)
    for (const o of mentions)
      if (
        o.article.id !== m.article.id &&
        o.mention.value === m.mention.value &&
        !GENERIC_PEOPLE.has(o.noun) &&
        isPersonNoun(o.noun)
      )
        groups.union(m.key, o.key);
  // The same sentence in two versions, each giving one figure of a value: the same quantity,
  // whatever noun each version counts it with ("Three of the injured" / "Three of those hurt") or
  // none ("more than 60 firefighters" / "more than 60 in all"). A value given twice in a sentence
  // ("two silos … two workers") is left to the nouns.
  const sentenceKey = (m: Mention) => `${m.article.id}#${m.mention.sentence}`;
  const perSentence = new Map<string, Mention[]>();
  for (const m of mentions) perSentence.set(sentenceKey(m), [...(perSentence.get(sentenceKey(m)) ?? []), m]);
  const onlyOne = (m: Mention) =>
    (perSentence.get(sentenceKey(m)) ?? []).filter((o) => o.mention.value === m.mention.value).length === 1;
  for (const m of mentions)
    for (const o of mentions)
      if (
        o.key > m.key &&
        o.article.id !== m.article.id &&
        o.group === m.group &&
        o.mention.value === m.mention.value &&
        onlyOne(m) &&
        onlyOne(o)
      )
        groups.union(m.key, o.key);
  const byRoot = new Map<number, Mention[]>();
  for (const m of mentions) {
    const root = groups.find(m.key);
    byRoot.set(root, [...(byRoot.get(root) ?? []), m]);
  }
  // A figure no version gives a noun to ("voted 5-2", an age) cannot be told apart from any other.
  return [...byRoot.values()].filter((quantity) => quantity.some((m) => m.noun));
}

interface Variant {
  value: number;
  hedge: Hedge;
  mentions: Mention[];
  articles: string[];
  sources: number;
}

function findingsOn(findings: readonly Finding[], reports: Citation[]): BriefFactVariant['findings'] {
  const types = new Set<BriefFactVariant['findings'][number]>();
  for (const f of findings) {
    if (f.type !== 'number-changed' && f.type !== 'hedge-changed' && f.type !== 'conflict') continue;
    if (reports.some((r) => r.article === f.article && overlaps(r.span, f.span))) types.add(f.type);
  }
  return [...types].sort();
}

/** Facts, most corroborated first; the numbers, hedges and spans as the versions give them. */
export function buildFacts(ctx: BriefContext, findings: readonly Finding[]): BriefFact[] {
  const facts: Omit<BriefFact, 'id'>[] = [];
  for (const quantity of groupQuantities(collectMentions(ctx))) {
    const byVariant = new Map<string, Mention[]>();
    for (const m of quantity) {
      const k = `${m.mention.value}|${m.mention.hedge}`;
      byVariant.set(k, [...(byVariant.get(k) ?? []), m]);
    }
    const variants: Variant[] = [...byVariant.values()].map((ms) => {
      const articles = inStoryOrder(
        ctx,
        ms.map((m) => m.article.id),
      );
      return {
        value: ms[0].mention.value,
        hedge: ms[0].mention.hedge,
        mentions: ms,
        articles,
        sources: ctx.sources.count(articles),
      };
    });
    // The fact is the variant most independent sources give; on a tie, the earliest version's.
    const firstRank = (v: Variant) => ctx.rank.get(v.articles[0]) ?? 0;
    variants.sort((a, b) => b.sources - a.sources || firstRank(a) - firstRank(b));
    const [main, ...others] = variants;
    const reportsOf = (v: Variant) => v.mentions.map((m) => cite(m.article, m.mention.sentence, m.mention.span));
    const reports = reportsOf(main);
    facts.push({
      value: main.value,
      noun: (main.mentions.find((m) => m.noun) ?? quantity.find((m) => m.noun))?.noun,
      hedge: main.hedge,
      text: reports[0].text,
      articles: main.articles,
      sources: main.sources,
      reports,
      conflicts: others.map((v) => {
        const vr = reportsOf(v);
        return {
          value: v.value,
          hedge: v.hedge,
          text: vr[0].text,
          differs: v.value !== main.value ? 'value' : 'hedge',
          articles: v.articles,
          sources: v.sources,
          reports: vr,
          findings: findingsOn(findings, vr),
        };
      }),
    });
  }
  const firstSeen = (f: Omit<BriefFact, 'id'>) => [ctx.rank.get(f.reports[0].article) ?? 0, f.reports[0].span[0]];
  facts.sort((a, b) => {
    const [ra, sa] = firstSeen(a);
    const [rb, sb] = firstSeen(b);
    return b.sources - a.sources || b.articles.length - a.articles.length || ra - rb || sa - sb;
  });
  return facts.map((f, i) => ({ id: `f${i + 1}`, ...f }));
}
