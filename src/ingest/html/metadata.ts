import { toIsoDate } from '../dates.js';
import { findJsonLdArticle, type JsonLdArticle } from './json-ld.js';

/**
 * Page metadata: title, publication date, author, outlet and canonical URL, from JSON-LD,
 * Open Graph and article:* meta tags, the common CMS meta names, and finally the <title> and
 * <time> elements. Sources are tried most-reliable first; each field takes the first that has
 * a usable value.
 */
export interface PageMetadata {
  title?: string;
  published?: string;
  author?: string;
  outlet?: string;
  url?: string;
  jsonLd?: JsonLdArticle;
}

/** All <meta> values by lower-cased property/name/itemprop, first occurrence wins. */
function metaTable(doc: Document): Map<string, string> {
  const table = new Map<string, string>();
  for (const element of Array.from(doc.getElementsByTagName('meta'))) {
    const value = element.getAttribute('content')?.trim();
    if (!value) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !table.has(key)) table.set(key, value);
    }
  }
  return table;
}

type MetaLookup = (...keys: string[]) => string | undefined;

function lookup(table: Map<string, string>): MetaLookup {
  return (...keys) => {
    for (const key of keys) {
      const value = table.get(key.toLowerCase());
      if (value) return value;
    }
    return undefined;
  };
}

function first<T>(...values: Array<T | undefined>): T | undefined {
  return values.find((v) => v !== undefined && v !== '');
}

/** "Harbour fire closes quay | Northwire" → "Harbour fire closes quay" when the site is known. */
function stripSiteSuffix(title: string, site: string | undefined): string {
  if (!site) return title;
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length > 1 && parts[parts.length - 1].toLowerCase() === site.toLowerCase())
    return parts.slice(0, -1).join(' - ');
  return title;
}

export function extractMetadata(doc: Document, pageUrl?: string): PageMetadata {
  const jsonLd = findJsonLdArticle(doc);
  const meta = lookup(metaTable(doc));
  const outlet = first(meta('og:site_name', 'application-name', 'publisher', 'cre'), jsonLd?.publisher);
  const rawTitle = first(
    jsonLd?.isArticle ? jsonLd.headline : undefined,
    meta('og:title', 'twitter:title', 'headline', 'title', 'sailthru.title', 'parsely-title'),
    doc.getElementsByTagName('h1')[0]?.textContent?.trim(),
    doc.title?.trim(),
  );
  const published = first(
    toIsoDate(jsonLd?.datePublished),
    toIsoDate(
      meta(
        'article:published_time',
        'og:article:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'publication_date',
        'date',
        'dc.date.issued',
        'dc.date',
        'dcterms.created',
        'sailthru.date',
        'parsely-pub-date',
        'article.published',
      ),
    ),
    toIsoDate(
      Array.from(doc.getElementsByTagName('time'))
        .find((t) => t.hasAttribute('datetime'))
        ?.getAttribute('datetime'),
    ),
  );
  const author = first(
    jsonLd?.authors.length ? jsonLd.authors.join(', ') : undefined,
    meta('author', 'article:author', 'sailthru.author', 'parsely-author', 'dc.creator', 'byl'),
  );
  const url = first(canonicalLink(doc), meta('og:url', 'twitter:url'), jsonLd?.url, pageUrl);
  return {
    title: rawTitle ? stripSiteSuffix(rawTitle.replace(/\s+/g, ' '), outlet) : undefined,
    published,
    // "By Jane Doe" in a meta tag is still just Jane Doe; URLs in author tags are not names.
    author: author && !/^https?:\/\//.test(author) ? author.replace(/^by\s+/i, '').trim() : undefined,
    outlet,
    url: url ? absolute(url, pageUrl) : undefined,
    jsonLd,
  };
}

function absolute(url: string, base: string | undefined): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

function canonicalLink(doc: Document): string | undefined {
  for (const link of Array.from(doc.getElementsByTagName('link'))) {
    if (/(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? ''))
      return link.getAttribute('href')?.trim() || undefined;
  }
  return undefined;
}
