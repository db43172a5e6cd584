import { toOriginalSpan } from '../core/offsets.js';
import type { Alignment, Article, Evidence, Span } from '../core/types.js';

function sentencesSpan(article: Article, indices: number[]): Span {
  const first = article.sentences[indices[0]].span;
  const last = article.sentences[indices[indices.length - 1]].span;
  return [first[0], last[1]];
}

/**
 * The aligned sentence pairs of an edge as evidence: spans in each article's ORIGINAL text, so a
 * reader can see both passages in place. Headings and boilerplate pairs are left out.
 */
export function evidenceOf(alignment: Alignment, source: Article, target: Article): Evidence[] {
  const sourceSide = alignment.a === source.id ? 'a' : 'b';
  const targetSide = sourceSide === 'a' ? 'b' : 'a';
  return alignment.pairs
    .map((pair) => ({
      source: toOriginalSpan(source, sentencesSpan(source, pair[sourceSide])),
      target: toOriginalSpan(target, sentencesSpan(target, pair[targetSide])),
      kind: pair.kind,
    }))
    .sort((x, y) => x.target[0] - y.target[0]);
}
