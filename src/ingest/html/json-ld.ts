/**
 * schema.org metadata embedded as JSON-LD (<script type="application/ld+json">). News sites
 * publish it for search engines, so it is usually the most accurate source of headline, dates,
 * authors and publisher — and many include the full `articleBody` as plain text.
 */

/** The article-like schema.org types ("NewsArticle", "ReportageNewsArticle", "BlogPosting"…). */
const ARTICLE_TYPE =
  /^(?:\w*NewsArticle|Article|BlogPosting|Report|LiveBlogPosting|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|ScholarlyArticle|TechArticle|WebPage)$/;

export interface JsonLdArticle {
  headline?: string;
  articleBody?: string;
  datePublished?: string;
  dateModified?: string;
  authors: string[];
  publisher?: string;
  url?: string;
  /** True for the real article types, false for a bare WebPage. */
  isArticle: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every JSON object in the page's JSON-LD blocks, @graph and arrays flattened. */
export function jsonLdObjects(doc: Document): Record<string, Json>[] {
  const objects: Record<string, Json>[] = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      objects.push(value);
      if (value['@graph']) visit(value['@graph']);
    }
  };
  const scripts = Array.from(doc.getElementsByTagName('script')).filter((s) =>
    /ld\+json/i.test(s.getAttribute('type') ?? ''),
  );
  for (const script of scripts) {
    const source = (script.textContent ?? '').trim();
    if (!source) continue;
    try {
      visit(JSON.parse(source) as Json);
    } catch {
      // Broken JSON-LD is common (trailing commas, raw newlines in strings); try once more with
      // control characters escaped, then give up on this block only.
      try {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping raw control characters is the repair
        visit(JSON.parse(source.replace(/[\u0000-\u001f]+/g, ' ')) as Json);
      } catch {
        // ignored: the page's other metadata still counts
      }
    }
  }
  return objects;
}

function types(object: Record<string, Json>): string[] {
  const t = object['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function text(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text(value.name ?? value['@value'] ?? value['@id']);
  return undefined;
}

function names(value: Json | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(names);
  const name = text(value);
  // An author given only as a URL (an "@id") is not a name.
  return name && !/^https?:\/\//.test(name) ? [name] : [];
}

/** The page's article object: a real article type first, a WebPage only as a fallback. */
export function findJsonLdArticle(doc: Document): JsonLdArticle | undefined {
  const candidates = jsonLdObjects(doc).filter((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
  const scored = candidates.map((o) => ({ o, article: !types(o).every((t) => t === 'WebPage') }));
  // Prefer an article type, then the one that carries a body.
  scored.sort((a, b) => Number(b.article) - Number(a.article) || Number(!!b.o.articleBody) - Number(!!a.o.articleBody));
  const best = scored[0];
  if (!best) return undefined;
  const o = best.o;
  const page = o.mainEntityOfPage;
  return {
    headline: text(o.headline) ?? text(o.name),
    articleBody: text(o.articleBody) ?? text(o.text),
    datePublished: text(o.datePublished) ?? text(o.dateCreated),
    dateModified: text(o.dateModified),
    authors: names(o.author ?? o.creator),
    publisher: text(o.publisher) ?? text(o.sourceOrganization),
    url: text(o.url) ?? (typeof page === 'string' ? page : text((page as Record<string, Json> | undefined)?.['@id'])),
    isArticle: best.article,
  };
}
