import type { Article } from '../core/types.js';

/**
 * Who an article says it is, and whom it credits: the provenance hints in credit and copyright
 * lines ("– Northwire", "Copyright 2026 Northwire", "(Coastline Press)").
 */

/**
 * Sign-offs that name no one: "Staff and agencies", "Agencies", "Wires". They say the text came
 * from somewhere, not from whom, so they can neither name a common source nor link two articles.
 */
const ANONYMOUS = /^(?:staff(?: and agencies)?|agencies|wires?|staff reporters?|news desk|reuters\/ap\/afp)$/i;

/** Comparable form of an organisation's name: "The Morning Current" ~ "morning current". */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+[–—-]\s+.*$/, '') // "NewsBreeze – Latest Headlines" → "newsbreeze"
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function named(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const trimmed = name.trim();
  return trimmed && !ANONYMOUS.test(trimmed) ? trimmed : undefined;
}

/**
 * The names an article goes by: its outlet, and, when the outlet is unknown (a plain text file),
 * the holder of its copyright line — an article carrying "Copyright 2026 Northwire" and no other
 * outlet is most likely Northwire's own copy.
 */
export function identityNames(article: Article): Set<string> {
  const names = new Set<string>();
  const outlet = named(article.outlet);
  if (outlet) names.add(normalizeName(outlet));
  else {
    for (const c of article.credits) if (c.kind === 'copyright' && named(c.name)) names.add(normalizeName(c.name));
  }
  return names;
}

/**
 * Organisations an article credits as a source: agency sign-offs and copyright lines, plus an
 * organisation given as the author (feeds often put the agency there: <author>Coastline Press</author>).
 * Persons (bylines, contributors) are not sources of text.
 */
export function creditedSources(article: Article): Map<string, string> {
  const names = new Map<string, string>();
  const own = identityNames(article);
  const add = (name: string | undefined) => {
    const n = named(name);
    if (!n) return;
    const key = normalizeName(n);
    if (key && !own.has(key) && !names.has(key)) names.set(key, n);
  };
  for (const c of article.credits) if (c.kind === 'agency' || c.kind === 'copyright') add(c.name);
  // An author with no person's shape (no lower-case particle, 1–4 capitalised words, and the
  // same name credited nowhere as a byline) is usually the agency itself.
  const bylines = new Set(article.credits.filter((c) => c.kind === 'byline').map((c) => normalizeName(c.name)));
  if (
    article.author &&
    !bylines.has(normalizeName(article.author)) &&
    /\b(?:press|news|wire|agency|service)\b/i.test(article.author)
  ) {
    add(article.author);
  }
  return names;
}
