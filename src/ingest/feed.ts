import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RawArticle } from '../core/types.js';
import { toIsoDate } from './dates.js';
import { parseHtml } from './html/dom.js';
import { domToText } from './html/to-text.js';
import { inputError, type ReadResult } from './types.js';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds. Each item is one article: its body is the full content
 * when the feed carries it (content:encoded, Atom <content>), else the description/summary;
 * either is HTML and becomes text through the same DOM-to-text step as pages (no Readability:
 * feed content is already the article, without page chrome). Link, guid/id, pubDate/updated/
 * dc:date and dc:creator/author are read per item; the channel title is the outlet.
 *
 * An item with no text at all (or that is not an element) is one InputError naming the item;
 * the rest of the feed goes on.
 */

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Items and links repeat; always arrays so a one-item feed reads like a long one.
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author', 'dc:creator'].includes(name),
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  parseTagValue: false,
});

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') {
    const node = value as Node;
    return text(node['#text'] ?? node.name ?? node['@href']);
  }
  return undefined;
}

function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return domToText(parseHtml(`<!doctype html><body>${html}</body>`).body);
}

/** Atom links: the rel="alternate" (or rel-less) href; RSS: the element text. */
function itemLink(item: Node): string | undefined {
  const links = (item.link as unknown[] | undefined) ?? [];
  for (const link of links) {
    if (typeof link === 'string') return link.trim() || undefined;
    const node = link as Node;
    const rel = node['@rel'];
    if (node['@href'] && (rel === undefined || rel === 'alternate')) return String(node['@href']);
  }
  return text(links[0]);
}

export function isFeed(head: string): boolean {
  return /<(?:rss|feed|rdf:RDF)[\s>]/i.test(head.slice(0, 4096));
}

export function readFeed(xml: string, path: string): ReadResult[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return [inputError(path, `malformed feed XML at line ${valid.err.line}: ${valid.err.msg}`)];
  }
  const doc = parser.parse(xml) as Node;
  const rss = doc.rss as Node | undefined;
  const channel = (rss?.channel ?? (doc['rdf:RDF'] as Node | undefined)?.channel) as Node | undefined;
  const atom = doc.feed as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const items = (channel?.item ?? rdf?.item ?? atom?.entry) as unknown[] | undefined;
  if (!channel && !atom && !rdf)
    return [inputError(path, 'not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)')];
  if (!items || items.length === 0) return [inputError(path, 'feed has no items')];
  const outlet = text(channel?.title ?? atom?.title);
  return items.map((item, i) => readItem(item, path, i + 1, outlet));
}

function readItem(value: unknown, path: string, index: number, outlet: string | undefined): ReadResult {
  if (!value || typeof value !== 'object') return inputError(`${path}#${index}`, 'feed item is not an element');
  const item = value as Node;
  const id = text(item.guid) ?? text(item.id);
  const source = id ? `${path}#${id}` : `${path}#${index}`;
  const html = text(item['content:encoded']) ?? text(item.content) ?? text(item.description) ?? text(item.summary);
  const body = html ? htmlToText(html) : '';
  if (!/[\p{L}\p{N}]/u.test(body))
    return inputError(source, `feed item ${index} has no text (no content, description or summary)`);
  const article: RawArticle = { source, format: 'feed', body: body.normalize('NFC') };
  if (id) article.externalId = id;
  const url = itemLink(item);
  if (url) article.url = url;
  const title = text(item.title);
  if (title) article.title = htmlToText(title);
  const published = toIsoDate(
    text(item.pubDate) ?? text(item['dc:date']) ?? text(item.published) ?? text(item.updated),
  );
  if (published) article.published = published;
  const author = text(item['dc:creator']) ?? text((item.author as unknown[] | undefined)?.[0]);
  if (author) article.author = author;
  if (outlet) article.outlet = outlet;
  return article;
}
