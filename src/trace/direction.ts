import { articleFeatures } from '../align/index.js';
import type { Article } from '../core/types.js';
import { creditedSources, identityNames } from './credits.js';
import type { PairVerdict } from './pair-verdict.js';

/**
 * Which of two related versions came first: a score, positive when `x` is the source of `y`.
 * The hints, strongest first:
 * - credits: y names x's outlet (or x's copyright holder) as its source ("– Northwire") — +3;
 * - publication times, when both are known and differ by more than a minute — +2;
 * - content: the derived version lacks detail the source has, so y is covered by x more than x
 *   is covered by y (a trimmed copy covers 100% / 70%) — up to ±2;
 * - form: rewriters add headings and subheads that wire copy does not have — up to ±0.5.
 */
export function directionScore(x: Article, y: Article, yFromX: PairVerdict, xFromY: PairVerdict): number {
  let score = 0;
  score += 3 * (credits(y, x) - credits(x, y));
  const tx = x.published ? Date.parse(x.published) : Number.NaN;
  const ty = y.published ? Date.parse(y.published) : Number.NaN;
  if (Number.isFinite(tx) && Number.isFinite(ty) && Math.abs(tx - ty) > 60_000) score += tx < ty ? 2 : -2;
  score += 2 * (yFromX.targetCoverage - xFromY.targetCoverage);
  score += Math.max(-0.5, Math.min(0.5, 0.25 * (headings(y) - headings(x))));
  return score;
}

/** 1 when `derived` credits one of the names `source` goes by, else 0. */
function credits(derived: Article, source: Article): number {
  const credited = creditedSources(derived);
  for (const name of identityNames(source)) if (credited.has(name)) return 1;
  return 0;
}

function headings(article: Article): number {
  return articleFeatures(article).sentences.filter((s) => s.heading).length;
}
