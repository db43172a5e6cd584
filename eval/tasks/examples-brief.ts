import { type Brief, brief } from '../../src/brief/index.js';
import { compare } from '../../src/compare/index.js';
import type { Article, DatePrecision, Hedge, Span } from '../../src/core/types.js';
import { trace } from '../../src/trace/index.js';
import { loadExamples, locate } from '../examples.js';
import type { DatasetResult, EvalTask, Metrics } from '../task.js';

type Wording = string | string[];

interface TruthBrief {
  story: string;
  facts: {
    text: string;
    article: string;
    value: number;
    noun: string;
    hedge: Hedge;
    sources: number;
    articles: string[];
    variants: { text: string; article: string; value: number; hedge: Hedge; differs: 'value' | 'hedge' }[];
  }[];
  quotes: {
    text: Wording;
    article: string;
    speaker: string;
    sources: number;
    articles: string[];
    variants: { text: Wording; articles: string[]; kind: string; speakerDiffers?: boolean }[];
  }[];
  timeline: {
    date: string;
    precision: DatePrecision;
    article: string;
    text: string;
    context: string;
    sources: number;
    articles: string[];
  }[];
}

interface Truth {
  articles: { key: string; file: string; recordId: string | null }[];
  stories: { id: string; articles: string[] }[];
  brief: TruthBrief[];
}

/** The truth key of a RawArticle: by file path, and by record id for batch files. */

const overlaps = (a: Span, b: Span | undefined) => !!b && a[0] < b[1] && b[0] < a[1];

/** A quote's words without house style: case, marks, "U.S." vs "US", ellipses and punctuation. */
function norm(wording: Wording): string {
  return (typeof wording === 'string' ? [wording] : wording)
    .join(' ')
    .replace(/\b(?:\p{L}\.){2,}/gu, (initials) => initials.replace(/\./g, ''))
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];

/** Every figure written in a sentence: "$48.2m" → 48200000, "1,200" → 1200, "Eleven" → 11. */
function figuresIn(text: string): number[] {
  const values: number[] = [];
  for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)(?:\s*(million|billion)\b|(m|bn)\b)?/gi)) {
    const scale = (m[2] ?? m[3] ?? '').toLowerCase();
    const factor = scale.startsWith('m') ? 1e6 : scale.startsWith('b') ? 1e9 : 1;
    values.push(Math.round(Number(m[1].replace(/,/g, '')) * factor * 1000) / 1000);
  }
  for (const word of text.toLowerCase().split(/[^a-z]+/)) {
    const at = NUMBER_WORDS.indexOf(word);
    if (at >= 0) values.push(at);
  }
  return values;
}

/** Whether a sentence states a fact: its figure and its counted noun ("$" for dollars). */
function states(sentence: string, value: number, noun: string): boolean {
  if (!figuresIn(sentence).includes(value)) return false;
  if (noun === 'dollars') return sentence.includes('$');
  return sentence.toLowerCase().includes(noun.toLowerCase().slice(0, Math.max(4, noun.length - 2)));
}

interface Tally {
  [metric: string]: [number, number];
}

function add(tally: Tally, metric: string, hit: boolean, counts = true): void {
  if (!counts) return;
  const [n, d] = tally[metric] ?? [0, 0];
  tally[metric] = [n + (hit ? 1 : 0), d + 1];
}

function scoreStory(
  gold: TruthBrief,
  b: Brief,
  byKey: Map<string, Article>,
  keyById: Map<string, string>,
  tally: Tally,
  log: (message: string) => void,
): void {
  const idOf = (k: string) => byKey.get(k)?.id;
  const keys = (ids: string[]) => ids.map((id) => keyById.get(id) ?? id).join(',');
  const say = (m: string) => log(`  ${gold.story}: ${m}`);

  for (const fact of gold.facts) {
    const where = locate(byKey.get(fact.article), fact.text);
    const found = b.facts.find(
      (f) =>
        f.value === fact.value && f.reports.some((r) => r.article === idOf(fact.article) && overlaps(r.span, where)),
    );
    const stated = b.summary.some((s) => states(s.text, fact.value, fact.noun));
    add(tally, 'briefSummaryCoverage', stated);
    if (!stated) say(`summary does not state "${fact.text}"`);
    add(tally, 'briefFactRecall', !!found);
    for (const k of fact.articles) {
      const carried = found?.articles.includes(idOf(k) ?? k) ?? false;
      add(tally, 'briefFactArticleRecall', carried);
      if (found && !carried) say(`fact "${fact.text}" not listed as carried by ${k}`);
    }
    add(tally, 'briefFactSourcesAccuracy', found?.sources === fact.sources);
    if (!found) say(`fact "${fact.text}" not found`);
    else if (found.sources !== fact.sources)
      say(`fact "${fact.text}": ${found.sources} sources (${keys(found.articles)}), truth ${fact.sources}`);
    for (const v of fact.variants) {
      const at = locate(byKey.get(v.article), v.text);
      const shown = found?.conflicts.some(
        (c) =>
          c.value === v.value &&
          c.hedge === v.hedge &&
          c.reports.some((r) => r.article === idOf(v.article) && overlaps(r.span, at)),
      );
      add(tally, 'briefFactConflictRecall', !!shown);
      if (!shown) say(`conflict "${v.text}" (${v.article}) not shown beside "${fact.text}"`);
    }
  }

  for (const quote of gold.quotes) {
    const first = typeof quote.text === 'string' ? quote.text : quote.text[0];
    const where = locate(byKey.get(quote.article), first);
    const found = b.quotes.find((q) =>
      q.variants.some((v) => v.reports.some((r) => r.article === idOf(quote.article) && overlaps(r.span, where))),
    );
    const canonical = found !== undefined && norm(found.text) === norm(quote.text);
    add(tally, 'briefQuoteCanonicalAccuracy', canonical);
    add(tally, 'briefQuoteSourcesAccuracy', found?.sources === quote.sources);
    if (!found) say(`quote "${first}" not found`);
    else {
      if (!canonical) say(`quote canonical "${found.text}", truth "${norm(quote.text)}"`);
      if (found.sources !== quote.sources)
        say(`quote "${first}": ${found.sources} sources (${keys(found.articles)}), truth ${quote.sources}`);
    }
    const wordings = [{ text: quote.text, articles: quote.articles, speakerDiffers: false }, ...quote.variants];
    for (const variant of wordings) {
      // The versions carrying one wording are one variant: the one listing the wording's first version.
      const shownAs = found?.variants.find(
        (v) =>
          norm(v.text) === norm(variant.text) &&
          v.articles.includes(idOf(variant.articles[0]) ?? '') &&
          !!v.speakerDiffers === !!variant.speakerDiffers,
      );
      for (const k of variant.articles) {
        const shown = shownAs?.articles.includes(idOf(k) ?? k) ?? false;
        add(tally, 'briefQuoteVariantRecall', shown);
        if (!shown) say(`variant "${norm(variant.text).slice(0, 60)}" in ${k} not shown under "${first.slice(0, 40)}"`);
      }
    }
  }

  const events = gold.timeline.map((event) => {
    const context = locate(byKey.get(event.article), event.context);
    const inside = event.context.indexOf(event.text);
    const dateSpan: Span | undefined = context && [context[0] + inside, context[0] + inside + event.text.length];
    const index = b.timeline.findIndex((e) =>
      e.reports.some((r) => r.article === idOf(event.article) && overlaps(r.date.span, dateSpan)),
    );
    const found = index >= 0 ? b.timeline[index] : undefined;
    add(tally, 'briefTimelineRecall', !!found);
    add(tally, 'briefTimelineDateAccuracy', found?.date === event.date && found?.precision === event.precision);
    add(tally, 'briefTimelineSourcesAccuracy', found?.sources === event.sources);
    if (!found) say(`event "${event.context}" (${event.date}) not in the timeline`);
    else {
      if (found.date !== event.date || found.precision !== event.precision)
        say(`event "${event.context}": ${found.date} (${found.precision}), truth ${event.date} (${event.precision})`);
      if (found.sources !== event.sources)
        say(`event "${event.context}": ${found.sources} sources (${keys(found.articles)}), truth ${event.sources}`);
    }
    return { event, index };
  });
  for (const [i, x] of events.entries())
    for (const y of events.slice(i + 1)) {
      if (x.index < 0 || y.index < 0 || x.event.date === y.event.date) continue;
      const [early, late] = x.event.date < y.event.date ? [x, y] : [y, x];
      const right = early.index < late.index;
      add(tally, 'briefTimelineOrder', right);
      if (!right) say(`"${early.event.context}" should come before "${late.event.context}"`);
    }
}

const task: EvalTask = {
  name: 'examples-brief',
  description:
    'story brief (summary coverage, facts and sources, quotes and variants, timeline order) vs examples/truth.json',
  async run({ examplesDir, limit, log }): Promise<DatasetResult[]> {
    const { truth, byKey, keyById } = await loadExamples<Truth>(examplesDir);
    const tally: Tally = {};
    for (const gold of truth.brief.slice(0, limit)) {
      const story = truth.stories.find((s) => s.id === gold.story);
      const articles = (story?.articles ?? []).map((k) => byKey.get(k)).filter((a): a is Article => !!a);
      const traced = trace(articles);
      const b = brief(articles, traced, compare(articles, traced));
      scoreStory(gold, b, byKey, keyById, tally, log);
    }
    const metrics: Metrics = {};
    for (const [metric, [hit, total]] of Object.entries(tally)) metrics[metric] = total ? hit / total : 0;
    metrics.briefKeyFactN = tally.briefFactRecall?.[1] ?? 0;
    metrics.briefQuoteN = tally.briefQuoteCanonicalAccuracy?.[1] ?? 0;
    metrics.briefEventN = tally.briefTimelineRecall?.[1] ?? 0;
    return [{ dataset: 'examples', metrics }];
  },
};

export default task;
