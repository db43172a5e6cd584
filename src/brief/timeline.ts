import type { Article, DateMention } from '../core/types.js';
import { cite, citeSentence } from './citation.js';
import { type BriefContext, inStoryOrder } from './context.js';
import { containment, contentLemmas, jaccard } from './similarity.js';
import { isStorySentence } from './story-sentence.js';
import type { TimelineEvent, TimelineReport } from './types.js';

/**
 * Two reports of the same date are one event when their sentences say the same thing. The date
 * already matches, which is a strong constraint, so a modest overlap of content words suffices:
 * "Fire broke out at the harbour on Monday" and "Monday's harbour fire destroyed two warehouses"
 * share "fire" and "harbour" (jaccard ≈ 0.3); a shortened rewrite is caught by containment ("the
 * fire broke out Monday" inside a longer sentence). Sentences the aligner paired are always one.
 */
const SAME_EVENT_JACCARD = 0.3;
const SAME_EVENT_CONTAINMENT = 0.6;

/**
 * "…injuring at least 14 people, officials said Tuesday": a date right after a reporting verb
 * dates the statement, not the event. When the sentence dates its event otherwise ("late
 * Monday"), the statement's date is left out of the timeline; alone, it stays (the statement is
 * then the only dated thing the sentence reports).
 */
const REPORTING_DATE =
  /\b(?:said|says|told|announced|confirmed|reported|added|stated|disclosed)\s+(?:\p{L}+\s+){0,2}?(?:on\s+)?$/iu;

interface Report {
  article: Article;
  mention: DateMention;
  lemmas: Set<string>;
  group: string;
  /** Values of the figures in the sentence ("$48.2 million" → 48200000). */
  figures: Set<number>;
}

interface Draft {
  date: string;
  precision: TimelineEvent['precision'];
  reports: Report[];
}

/**
 * Same event: the aligner paired the sentences, or they share a figure (a specific number on the
 * same date is rarely a coincidence: "a $48.2 million expansion completed in October" and "its
 * $48.2m expansion, finished in October" are one event though reworded beyond word overlap), or
 * their content words overlap (see SAME_EVENT_*).
 */
function sameEvent(draft: Draft, report: Report): boolean {
  const { group, lemmas, figures } = report;
  return draft.reports.some(
    (r) =>
      r.group === group ||
      [...figures].some((v) => r.figures.has(v)) ||
      jaccard(r.lemmas, lemmas) >= SAME_EVENT_JACCARD ||
      (Math.min(r.lemmas.size, lemmas.size) >= 3 && containment(r.lemmas, lemmas) >= SAME_EVENT_CONTAINMENT),
  );
}

/**
 * The dated events the versions report, merged across versions, sorted by date. A date stated to a
 * month or a year stays a month or a year ("2026-03" sorts before "2026-03-02", and "2026" before
 * both), since putting it on a day would claim what no article says.
 */
export function buildTimeline(ctx: BriefContext): TimelineEvent[] {
  const drafts: Draft[] = [];
  for (const article of ctx.order) {
    const mentions = ctx.dates.get(article.id) ?? [];
    for (const mention of mentions) {
      const sentence = article.sentences[mention.sentence];
      // A date line or a page's time stamp ("Tue 10 Mar 2026 18.05 GMT") is not an event.
      if (!sentence || !isStorySentence(sentence)) continue;
      const before = article.text.slice(sentence.span[0], mention.span[0]);
      const otherDates = mentions.some(
        (m) =>
          m !== mention &&
          m.sentence === mention.sentence &&
          !REPORTING_DATE.test(article.text.slice(sentence.span[0], m.span[0])),
      );
      if (otherDates && REPORTING_DATE.test(before)) continue;
      // The date words themselves are left out of the comparison: they match by construction.
      const lemmas = contentLemmas(sentence, (span) => span[0] < mention.span[1] && span[1] > mention.span[0]);
      const figures = new Set(
        (ctx.numbers.get(article.id) ?? [])
          .filter(
            (n) =>
              n.sentence === mention.sentence && !mentions.some((d) => d.span[0] < n.span[1] && n.span[0] < d.span[1]),
          )
          // Small counts ("two workers", "three silos") recur by chance; a figure of 10 or more,
          // or a fraction, is specific enough to identify an event.
          .filter((n) => n.value >= 10 || !Number.isInteger(n.value))
          .map((n) => n.value),
      );
      const report: Report = {
        article,
        mention,
        lemmas,
        group: ctx.links.group(article.id, mention.sentence),
        figures,
      };
      const draft = drafts.find(
        (d) => d.date === mention.resolved && d.precision === mention.precision && sameEvent(d, report),
      );
      if (draft) {
        // One report per article and sentence: a sentence naming the same day twice is one report.
        if (!draft.reports.some((r) => r.article.id === article.id && r.mention.sentence === mention.sentence))
          draft.reports.push(report);
      } else drafts.push({ date: mention.resolved, precision: mention.precision, reports: [report] });
    }
  }
  const first = (d: Draft) => d.reports[0];
  drafts.sort(
    (x, y) =>
      (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) ||
      (ctx.rank.get(first(x).article.id) ?? 0) - (ctx.rank.get(first(y).article.id) ?? 0) ||
      first(x).mention.span[0] - first(y).mention.span[0],
  );
  return drafts.map((d, i) => {
    const reports: TimelineReport[] = d.reports.map(({ article, mention }) => ({
      ...citeSentence(article, mention.sentence),
      date: cite(article, mention.sentence, mention.span),
    }));
    const articles = inStoryOrder(
      ctx,
      d.reports.map((r) => r.article.id),
    );
    return {
      id: `e${i + 1}`,
      date: d.date,
      precision: d.precision,
      text: reports[0].text,
      articles,
      sources: ctx.sources.count(articles),
      reports,
    };
  });
}
