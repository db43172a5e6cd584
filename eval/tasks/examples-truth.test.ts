/**
 * Keeps examples/truth.json honest: every article it names is declared, every file and record
 * exists, and every quoted string ("text", "sourceText", quotes, gold sentences, dates, facts) is
 * an exact substring of that article's body as it stands in the file. Later stages are scored
 * against these strings, so a typo here would silently punish correct code.
 *
 * Bodies are read minimally, independent of src/ingest on purpose (the truth must not depend on
 * the code it judges): .txt as is, .html as the raw page with entities decoded, .jsonl as the
 * record's `text`, RSS/Atom as the item's content with entities decoded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FINDING_TYPES } from '../../src/core/types.js';

const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');

const key = z.string().min(1);
const hedge = z.enum([
  'exact',
  'at least',
  'more than',
  'at most',
  'less than',
  'about',
  'nearly',
  'up to',
  'dozens',
  'hundreds',
  'thousands',
  'several',
]);
/** A quote's words; an interrupted quote ("It was a miracle," he said, "that…") as its pieces in order. */
const wording = z.union([z.string().min(1), z.array(z.string().min(1)).min(2)]);
const truthSchema = z.strictObject({
  articles: z.array(
    z.strictObject({
      key,
      file: z.string(),
      recordId: z.string().nullable(),
      title: z.string(),
      published: z.iso.datetime(),
      outlet: z.string(),
      story: z.string(),
      role: z.string(),
    }),
  ),
  stories: z.array(z.strictObject({ id: z.string(), articles: z.array(key) })),
  duplicates: z.array(z.array(key).min(2)),
  derivations: z.array(
    z.strictObject({
      source: z.union([key, z.strictObject({ inferred: z.string() })]),
      target: key,
      class: z.enum(['wholly-derived', 'partially-derived']),
      mode: z.enum(['verbatim', 'edited', 'paraphrase']),
    }),
  ),
  independent: z.array(z.tuple([key, key])),
  alterations: z.array(
    z.strictObject({
      type: z.enum(FINDING_TYPES),
      article: key,
      text: z.string().min(1),
      sourceArticle: key.nullable(),
      sourceText: z.string().min(1).nullable(),
      speaker: z.string().optional(),
      sourceSpeaker: z.string().optional(),
    }),
  ),
  faithful: z.array(
    z.strictObject({ article: key, text: z.string(), sourceArticle: key, sourceText: z.string(), why: z.string() }),
  ),
  quotes: z.array(z.strictObject({ article: key, text: z.string().min(1), speaker: z.string().min(1) })),
  segmentation: z.array(z.strictObject({ article: key, sentences: z.array(z.string().min(1)).min(1) })),
  dates: z.array(
    z.strictObject({
      article: key,
      text: z.string().min(1),
      resolved: z.string(),
      precision: z.enum(['day', 'month', 'year']),
    }),
  ),
  facts: z.array(z.strictObject({ story: z.string(), text: z.string().min(1), value: z.number(), noun: z.string() })),
  brief: z.array(
    z.strictObject({
      story: z.string(),
      facts: z.array(
        z.strictObject({
          text: z.string().min(1),
          article: key,
          value: z.number(),
          noun: z.string().min(1),
          hedge,
          sources: z.number().int().min(1),
          articles: z.array(key).min(1),
          variants: z.array(
            z.strictObject({
              text: z.string().min(1),
              article: key,
              value: z.number(),
              hedge,
              differs: z.enum(['value', 'hedge']),
              sources: z.number().int().min(1),
            }),
          ),
        }),
      ),
      quotes: z.array(
        z.strictObject({
          text: wording,
          article: key,
          speaker: z.string().min(1),
          sources: z.number().int().min(1),
          articles: z.array(key).min(1),
          variants: z.array(
            z.strictObject({
              text: wording,
              articles: z.array(key).min(1),
              kind: z.enum(['canonical', 'excerpt', 'extended', 'reworded']),
              speaker: z.string().min(1).optional(),
              speakerDiffers: z.boolean().optional(),
            }),
          ),
        }),
      ),
      timeline: z.array(
        z.strictObject({
          date: z.string(),
          precision: z.enum(['day', 'month', 'year']),
          article: key,
          text: z.string().min(1),
          context: z.string().min(1),
          sources: z.number().int().min(1),
          articles: z.array(key).min(1),
        }),
      ),
    }),
  ),
});
type Truth = z.infer<typeof truthSchema>;
type TruthArticle = Truth['articles'][number];

/** Enough of HTML entity decoding for hand-written pages: named basics and numeric references. */
function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(code);
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** The text of a feed node that may be a plain string or an element with attributes. */
function nodeText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as { '#text': unknown })['#text']);
  return '';
}

function feedBody(raw: string, recordId: string): string {
  const xml = new XMLParser({ ignoreAttributes: false, processEntities: false, parseTagValue: false }).parse(raw);
  const rssItems = asArray(xml.rss?.channel?.item) as Record<string, unknown>[];
  for (const item of rssItems) {
    if (nodeText(item.guid) === recordId) return decodeEntities(nodeText(item['content:encoded'] ?? item.description));
  }
  const entries = asArray(xml.feed?.entry) as Record<string, unknown>[];
  for (const entry of entries) {
    if (nodeText(entry.id) === recordId) return decodeEntities(nodeText(entry.content ?? entry.summary));
  }
  throw new Error(`no feed item ${recordId}`);
}

function readBody(article: TruthArticle): string {
  const file = path.join(examplesDir, article.file);
  const raw = readFileSync(file, 'utf8');
  if (file.endsWith('.jsonl')) {
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { id?: string; text?: string };
      if (record.id === article.recordId) return record.text ?? '';
    }
    throw new Error(`no record ${article.recordId} in ${article.file}`);
  }
  if (/\.(rss|atom|xml)$/.test(file)) return feedBody(raw, article.recordId ?? '');
  if (/\.html?$/.test(file)) return decodeEntities(raw);
  return raw;
}

const truth = truthSchema.parse(JSON.parse(readFileSync(path.join(examplesDir, 'truth.json'), 'utf8')));
const articles = new Map(truth.articles.map((a) => [a.key, a]));
const bodies = new Map(truth.articles.map((a) => [a.key, readBody(a)]));

/** Every (article, string) pair the truth claims, labelled so a failure says which entry is wrong. */
function claimedStrings(): { where: string; article: string; text: string }[] {
  const out: { where: string; article: string; text: string }[] = [];
  truth.alterations.forEach((a, i) => {
    out.push({ where: `alterations[${i}].text`, article: a.article, text: a.text });
    if (a.sourceArticle && a.sourceText)
      out.push({ where: `alterations[${i}].sourceText`, article: a.sourceArticle, text: a.sourceText });
  });
  truth.faithful.forEach((f, i) => {
    out.push({ where: `faithful[${i}].text`, article: f.article, text: f.text });
    out.push({ where: `faithful[${i}].sourceText`, article: f.sourceArticle, text: f.sourceText });
  });
  truth.quotes.forEach((q, i) => void out.push({ where: `quotes[${i}]`, article: q.article, text: q.text }));
  truth.dates.forEach((d, i) => void out.push({ where: `dates[${i}]`, article: d.article, text: d.text }));
  for (const s of truth.segmentation)
    s.sentences.forEach(
      (text, i) => void out.push({ where: `segmentation ${s.article}[${i}]`, article: s.article, text }),
    );
  return out;
}

describe('examples/truth.json', () => {
  it('declares every article key it uses, once', () => {
    expect(new Set(truth.articles.map((a) => a.key)).size).toBe(truth.articles.length);
    const used = [
      ...truth.stories.flatMap((s) => s.articles),
      ...truth.duplicates.flat(),
      ...truth.derivations.flatMap((d) => (typeof d.source === 'string' ? [d.source, d.target] : [d.target])),
      ...truth.independent.flat(),
      ...truth.alterations.flatMap((a) => (a.sourceArticle ? [a.article, a.sourceArticle] : [a.article])),
      ...truth.faithful.flatMap((f) => [f.article, f.sourceArticle]),
      ...truth.quotes.map((q) => q.article),
      ...truth.segmentation.map((s) => s.article),
      ...truth.dates.map((d) => d.article),
      ...truth.brief.flatMap((b) => [
        ...b.facts.flatMap((f) => [f.article, ...f.articles, ...f.variants.map((v) => v.article)]),
        ...b.quotes.flatMap((q) => [q.article, ...q.articles, ...q.variants.flatMap((v) => v.articles)]),
        ...b.timeline.flatMap((e) => [e.article, ...e.articles]),
      ]),
    ];
    expect(used.filter((k) => !articles.has(k))).toEqual([]);
  });

  it('puts every article in exactly the story it names', () => {
    const storyIds = new Set(truth.stories.map((s) => s.id));
    for (const a of truth.articles) expect(storyIds).toContain(a.story);
    for (const s of truth.stories) for (const k of s.articles) expect(articles.get(k)?.story).toBe(s.id);
    expect(truth.stories.flatMap((s) => s.articles).sort()).toEqual([...articles.keys()].sort());
    for (const f of truth.facts) expect(storyIds).toContain(f.story);
  });

  it('relates only articles of the same story', () => {
    const pairs = [
      ...truth.duplicates.flatMap((g) => g.slice(1).map((k) => [g[0], k])),
      ...truth.derivations.flatMap((d) => (typeof d.source === 'string' ? [[d.source, d.target]] : [])),
      ...truth.independent,
    ];
    for (const [a, b] of pairs) expect(articles.get(a)?.story, `${a} / ${b}`).toBe(articles.get(b)?.story);
  });

  it('finds every quoted string verbatim in the body of the article it names', () => {
    const missing = claimedStrings().filter((c) => !(bodies.get(c.article) ?? '').includes(c.text));
    expect(missing).toEqual([]);
  });

  it('lists gold sentences in reading order, without overlap', () => {
    for (const s of truth.segmentation) {
      const body = bodies.get(s.article) ?? '';
      let from = 0;
      for (const sentence of s.sentences) {
        const at = body.indexOf(sentence, from);
        expect(at, `${s.article}: "${sentence}" out of order`).toBeGreaterThanOrEqual(0);
        from = at + sentence.length;
      }
    }
  });

  it('gives each story fact in the body of one of its articles', () => {
    for (const f of truth.facts) {
      const story = truth.stories.find((s) => s.id === f.story);
      expect(
        story?.articles.some((k) => bodies.get(k)?.includes(f.text)),
        f.text,
      ).toBe(true);
    }
  });

  it('writes resolved dates at the precision it claims', () => {
    const shape = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };
    for (const d of truth.dates) expect(d.resolved, d.text).toMatch(shape[d.precision]);
  });

  describe('brief', () => {
    const storyOf = (k: string) => articles.get(k)?.story;
    /** Every article a brief entry names belongs to the story the entry is under. */
    const names = (b: Truth['brief'][number]) => [
      ...b.facts.flatMap((f) => [f.article, ...f.articles, ...f.variants.map((v) => v.article)]),
      ...b.quotes.flatMap((q) => [q.article, ...q.articles, ...q.variants.flatMap((v) => v.articles)]),
      ...b.timeline.flatMap((e) => [e.article, ...e.articles]),
    ];

    it('covers each story once, naming only its own articles', () => {
      expect(truth.brief.map((b) => b.story).sort()).toEqual(truth.stories.map((s) => s.id).sort());
      for (const b of truth.brief) expect(names(b).filter((k) => storyOf(k) !== b.story)).toEqual([]);
    });

    it('states each fact and conflicting figure literally, with the number it claims', () => {
      for (const b of truth.brief)
        for (const f of b.facts) {
          expect(bodies.get(f.article), f.text).toContain(f.text);
          expect(numberIn(f.text), f.text).toBe(f.value);
          expect(f.articles, f.text).toContain(f.article);
          for (const v of f.variants) {
            expect(bodies.get(v.article), v.text).toContain(v.text);
            expect(numberIn(v.text), v.text).toBe(v.value);
            expect(v.differs, v.text).toBe(v.value !== f.value ? 'value' : 'hedge');
            expect(f.articles, v.text).not.toContain(v.article);
          }
        }
    });

    it('quotes each wording in the article it is attributed to, and in every version said to carry it', () => {
      // In the other versions, house style and a quote's closing punctuation may differ (see typographic()).
      const missing: string[] = [];
      for (const b of truth.brief)
        for (const q of b.quotes) {
          for (const piece of pieces(q.text)) expect(bodies.get(q.article), piece).toContain(piece);
          expect(q.articles, String(q.text)).toContain(q.article);
          const carriers = [...q.articles, ...q.variants.flatMap((v) => v.articles)];
          expect(new Set(carriers).size, `${q.text}: a version carries two wordings`).toBe(carriers.length);
          const carried = [
            ...q.articles.map((k) => ({ k, text: q.text })),
            ...q.variants.flatMap((v) => v.articles.map((k) => ({ k, text: v.text }))),
          ];
          for (const { k, text } of carried)
            for (const piece of pieces(text))
              if (!typographic(bodies.get(k) ?? '').includes(typographic(piece).replace(/[.,;:!?]+$/, '')))
                missing.push(`${k}: ${piece}`);
        }
      expect(missing).toEqual([]);
    });

    it('dates each timeline event where its context says it, in date order', () => {
      const shape = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };
      for (const b of truth.brief) {
        for (const e of b.timeline) {
          expect(e.date, e.context).toMatch(shape[e.precision]);
          expect(e.context, e.context).toContain(e.text);
          expect(bodies.get(e.article), e.context).toContain(e.context);
          expect(e.articles, e.context).toContain(e.article);
        }
        const dates = b.timeline.map((e) => e.date);
        expect(dates, b.story).toEqual([...dates].sort());
      }
    });

    it('counts independent sources as the derivations and duplicates join them', () => {
      const wrong: string[] = [];
      const check = (what: string, ids: string[], claimed: number) => {
        const counted = independentSources(ids);
        if (counted !== claimed) wrong.push(`${what}: ${claimed}, derivations give ${counted}`);
      };
      for (const b of truth.brief) {
        for (const f of b.facts) {
          check(f.text, f.articles, f.sources);
          for (const v of f.variants) check(v.text, [v.article], v.sources);
        }
        for (const q of b.quotes)
          check(String(q.text), [...q.articles, ...q.variants.flatMap((v) => v.articles)], q.sources);
        for (const e of b.timeline) check(e.context, e.articles, e.sources);
      }
      expect(wrong).toEqual([]);
    });
  });
});

function pieces(wording: string | string[]): string[] {
  return typeof wording === 'string' ? [wording] : wording;
}

/** House style that is not rewording: curly vs straight marks, "U.S." vs "US", spacing. */
function typographic(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\bU\.S\./g, 'US')
    .replace(/\s+/g, ' ');
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** The first figure in a phrase: "$48.2 million" → 48200000, "5.3m" → 5300000, "Three" → 3. */
function numberIn(text: string): number | undefined {
  const digits = /(\d[\d,]*(?:\.\d+)?)(?:\s*(million|billion)\b|(m|bn)\b)?/i.exec(text);
  if (digits) {
    const scale = (digits[2] ?? digits[3] ?? '').toLowerCase();
    const factor = scale.startsWith('m') ? 1e6 : scale.startsWith('b') ? 1e9 : 1;
    return Math.round(Number(digits[1].replace(/,/g, '')) * factor * 1000) / 1000;
  }
  const word = text
    .toLowerCase()
    .split(/[^a-z]+/)
    .find((w) => w in NUMBER_WORDS);
  return word === undefined ? undefined : NUMBER_WORDS[word];
}

/** How many independent sources a set of articles is: derivations (an inferred source too) and duplicates join. */
function independentSources(ids: string[]): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const group of truth.duplicates) for (const k of group.slice(1)) union(group[0], k);
  for (const d of truth.derivations)
    union(typeof d.source === 'string' ? d.source : `inferred:${d.source.inferred}`, d.target);
  return new Set(ids.map(find)).size;
}
