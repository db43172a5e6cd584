import { citeSentence } from './citation.js';
import type { BriefContext } from './context.js';
import { isStorySentence } from './story-sentence.js';
import type { BriefFact, BriefQuote, Contribution } from './types.js';

/**
 * What each version brings and leaves out. A version "adds" the sentences that no earlier version
 * has (in the aligner's judgement: not paired, even as a paraphrase, with any sentence of an
 * earlier version), the facts and fact variants no earlier version carries, and the quotes it is
 * first to give. It "drops" the sentences and facts of the versions it derives from that it does
 * not carry. Headings and labels are not sentences here (see story-sentence.ts). Drops are only judged against a derivation source whose alignment the trace gave:
 * without the alignment nothing can be said, and saying "dropped everything" would be false.
 */
export function buildContributions(ctx: BriefContext, facts: BriefFact[], quotes: BriefQuote[]): Contribution[] {
  /** For each fact (and each of its variants), the articles carrying it, to find who had it first. */
  const carriers = facts.map((f) => ({
    id: f.id,
    all: new Set([...f.articles, ...f.conflicts.flatMap((c) => c.articles)]),
    variants: [f.articles, ...f.conflicts.map((c) => c.articles)],
  }));
  return ctx.order.map((article, position) => {
    const earlier = ctx.order.slice(0, position).map((a) => a.id);
    const earlierSet = new Set(earlier);
    const derivedFrom = [
      ...new Set(
        ctx.trace.derivations
          .filter((d) => d.target === article.id && typeof d.source === 'string' && ctx.byId.has(d.source))
          .map((d) => d.source as string),
      ),
    ];

    const addedSentences = article.sentences
      .filter(isStorySentence)
      .filter((s) => !ctx.links.linked(article.id, s.index).some((o) => earlierSet.has(o.article)))
      .map((s) => citeSentence(article, s.index));
    // A fact is added when this version carries a variant (value and hedge) that no earlier one does.
    const addedFacts = carriers
      .filter((c) => c.variants.some((v) => v.includes(article.id) && !v.some((id) => earlierSet.has(id))))
      .map((c) => c.id);
    const addedQuotes = quotes.filter((q) => q.articles[0] === article.id).map((q) => q.id);

    const droppedSentences = derivedFrom.flatMap((sourceId) => {
      const source = ctx.byId.get(sourceId);
      if (!source || !ctx.links.hasAlignment(sourceId, article.id)) return [];
      return source.sentences
        .filter(isStorySentence)
        .filter((s) => !ctx.links.isPaired(sourceId, s.index, article.id))
        .map((s) => citeSentence(source, s.index));
    });
    const droppedFacts = carriers
      .filter((c) => derivedFrom.some((s) => c.all.has(s)) && !c.all.has(article.id))
      .map((c) => c.id);

    return {
      article: article.id,
      earlier,
      derivedFrom,
      adds: { sentences: addedSentences, facts: addedFacts, quotes: addedQuotes },
      drops: { sentences: droppedSentences, facts: droppedFacts },
    };
  });
}
