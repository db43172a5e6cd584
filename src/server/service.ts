import type { Alignment, Article, RawArticle, Story } from '../core/types.js';
import { articleView, storyListItem, storyView } from './views/build.js';
import { pairDiff } from './views/pair-diff.js';
import type { ArticleView, IngestOutcome, PairDiff, StoryListItem, StorySort, StoryView } from './views/types.js';

/**
 * What the HTTP API and the HTML report ask of Wiretrace. The server is written against this
 * interface only, so it can be tested on a hand-made corpus and backed by any store.
 */
export interface StoryService {
  listStories(query?: { q?: string; sort?: StorySort }): Promise<StoryListItem[]>;
  getStory(id: string): Promise<StoryView | undefined>;
  getArticle(id: string): Promise<ArticleView | undefined>;
  /** Two articles aligned side by side; undefined when either is unknown. */
  diff(a: string, b: string): Promise<PairDiff | undefined>;
  ingest(items: IngestItem[]): Promise<IngestOutcome[]>;
}

/** One article handed to `ingest`: plain text or HTML, with whatever metadata the caller has. */
export interface IngestItem {
  /** Where it came from, for error messages and the article page ("api#3", a URL). */
  source: string;
  text?: string;
  html?: string;
  title?: string;
  url?: string;
  published?: string;
  outlet?: string;
  externalId?: string;
}

/** The analysis of one story's articles: what `trace`, `compare` and `brief` say about them. */
export type StoryAnalysis = Pick<Story, 'duplicates' | 'derivations' | 'findings' | 'brief'> & {
  /** Sentence alignments of the pairs the trace stage judged, reused by the side-by-side view. */
  alignments: Alignment[];
};

/** The stage functions the service runs; src/server/pipeline.ts binds the real ones. */
export interface Pipeline {
  prepare(raw: RawArticle): Article;
  /** Main text and metadata of an HTML page (the ingest stage's HTML reader). */
  readHtml(html: string, source: string): RawArticle;
  cluster(articles: Article[]): { stories: { id: string; title: string; articles: string[] }[] };
  analyze(articles: Article[]): StoryAnalysis;
  align(a: Article, b: Article): Alignment;
}

/** Where articles persist between runs (src/store's Store fits). */
export interface ArticleStore {
  saveArticles(articles: readonly Article[]): Promise<{ inserted: string[]; updated: string[]; unchanged: string[] }>;
  listArticles(): Promise<{ id: string }[]>;
  getArticles(ids: readonly string[]): Promise<Article[]>;
}

interface Analyzed {
  /** The member ids the analysis was made for: a story that gained an article is re-analysed. */
  members: string;
  story: Story;
  alignments: Alignment[];
}

/**
 * A StoryService over the articles held in memory, optionally persisted in a store. Stories are
 * re-clustered after each ingest (clustering is fast); a story's analysis is computed when first
 * asked for and kept until its members change.
 */
export class CorpusService implements StoryService {
  private readonly articles = new Map<string, Article>();
  private clusters: { id: string; title: string; articles: string[] }[] = [];
  private readonly analyzed = new Map<string, Analyzed>();
  /** Ingests and analyses run one at a time, so a request never sees a half-updated corpus. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pipeline: Pipeline,
    private readonly store?: ArticleStore,
  ) {}

  /** Loads every stored article and clusters them. */
  async load(): Promise<this> {
    if (this.store) {
      const ids = (await this.store.listArticles()).map((a) => a.id);
      for (const article of await this.store.getArticles(ids)) this.articles.set(article.id, article);
    }
    this.recluster();
    return this;
  }

  /** Adds already prepared articles (no store write): for reports and tests. */
  addArticles(articles: Article[]): void {
    for (const article of articles) this.articles.set(article.id, article);
    this.recluster();
  }

  private recluster(): void {
    this.clusters = this.articles.size > 0 ? this.pipeline.cluster([...this.articles.values()]).stories : [];
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The RawArticle for an item; metadata given with the item wins over what the page says. */
  private toRaw(item: IngestItem): RawArticle {
    const given = {
      title: item.title,
      url: item.url,
      published: item.published,
      outlet: item.outlet,
      externalId: item.externalId,
    };
    const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== ''));
    if (typeof item.html === 'string') return { ...this.pipeline.readHtml(item.html, item.source), ...defined };
    if (typeof item.text === 'string') return { source: item.source, format: 'txt', body: item.text, ...defined };
    throw new Error('give the article as "text" or "html"');
  }

  async ingest(items: IngestItem[]): Promise<IngestOutcome[]> {
    return this.serial(async () => {
      const outcomes: IngestOutcome[] = [];
      const prepared: Article[] = [];
      for (const [index, item] of items.entries()) {
        try {
          if (item.published !== undefined && Number.isNaN(Date.parse(item.published))) {
            throw new Error(`"published" is not an ISO 8601 date: ${JSON.stringify(item.published.slice(0, 40))}`);
          }
          const article = this.pipeline.prepare(this.toRaw(item));
          if (article.text.trim() === '') throw new Error('no article text left after cleaning');
          prepared.push(article);
          outcomes.push({ index, status: 'inserted', id: article.id });
        } catch (error) {
          outcomes.push({ index, status: 'error', error: error instanceof Error ? error.message : String(error) });
        }
      }
      const known = new Set(this.articles.keys());
      if (this.store && prepared.length > 0) {
        const saved = await this.store.saveArticles(prepared);
        const status = new Map<string, IngestOutcome['status']>();
        for (const id of saved.inserted) status.set(id, 'inserted');
        for (const id of saved.updated) status.set(id, 'updated');
        for (const id of saved.unchanged) status.set(id, 'unchanged');
        for (const o of outcomes) if (o.id) o.status = status.get(o.id) ?? o.status;
        // The store filled in metadata the stored copy lacked; read back what it now holds.
        const stored = await this.store.getArticles(prepared.map((a) => a.id));
        for (const article of stored) this.articles.set(article.id, article);
      } else {
        for (const o of outcomes) if (o.id && known.has(o.id)) o.status = 'unchanged';
        for (const article of prepared) if (!this.articles.has(article.id)) this.articles.set(article.id, article);
      }
      this.recluster();
      const storyOf = new Map(this.clusters.flatMap((c) => c.articles.map((id) => [id, c.id] as const)));
      for (const o of outcomes) if (o.id) o.story = storyOf.get(o.id);
      return outcomes;
    });
  }

  private analysis(id: string): Analyzed | undefined {
    const cluster = this.clusters.find((c) => c.id === id);
    if (!cluster) return undefined;
    const members = [...cluster.articles].sort().join(',');
    const cached = this.analyzed.get(id);
    if (cached && cached.members === members) return cached;
    const articles = cluster.articles.flatMap((a) => this.articles.get(a) ?? []);
    const { alignments, ...result } = this.pipeline.analyze(articles);
    const entry: Analyzed = {
      members,
      story: { id: cluster.id, title: cluster.title, articles: cluster.articles, ...result },
      alignments,
    };
    this.analyzed.set(id, entry);
    return entry;
  }

  async listStories(query: { q?: string; sort?: StorySort } = {}): Promise<StoryListItem[]> {
    const items = this.clusters.flatMap((c) => {
      const entry = this.analysis(c.id);
      return entry ? [storyListItem(storyView(entry.story, this.articles))] : [];
    });
    const q = query.q?.trim().toLowerCase();
    const found = q ? items.filter((s) => this.matches(s, q)) : items;
    return found.sort(ORDER[query.sort ?? 'recency']);
  }

  /** A story matches when its title, an outlet, or one of its articles' titles contains the words. */
  private matches(item: StoryListItem, q: string): boolean {
    const cluster = this.clusters.find((c) => c.id === item.id);
    const haystack = [
      item.title,
      ...item.outlets,
      ...(cluster?.articles ?? []).map((id) => this.articles.get(id)?.title ?? ''),
    ]
      .join('\n')
      .toLowerCase();
    return q.split(/\s+/).every((word) => haystack.includes(word));
  }

  async getStory(id: string): Promise<StoryView | undefined> {
    const entry = this.analysis(id);
    return entry ? storyView(entry.story, this.articles) : undefined;
  }

  async getArticle(id: string): Promise<ArticleView | undefined> {
    const article = this.articles.get(id);
    if (!article) return undefined;
    const stories = this.clusters.filter((c) => c.articles.includes(id)).map((c) => ({ id: c.id, title: c.title }));
    return articleView(article, stories);
  }

  async diff(aId: string, bId: string): Promise<PairDiff | undefined> {
    const a = this.articles.get(aId);
    const b = this.articles.get(bId);
    if (!a || !b) return undefined;
    const judged = [...this.analyzed.values()]
      .flatMap((e) => e.alignments)
      .find((al) => (al.a === aId && al.b === bId) || (al.a === bId && al.b === aId));
    return pairDiff(a, b, judged ?? this.pipeline.align(a, b));
  }
}

const ORDER: Record<StorySort, (x: StoryListItem, y: StoryListItem) => number> = {
  // Newest activity first; undated stories last.
  recency: (x, y) => (y.lastPublished ?? '').localeCompare(x.lastPublished ?? '') || x.title.localeCompare(y.title),
  size: (x, y) => y.articleCount - x.articleCount || x.title.localeCompare(y.title),
  findings: (x, y) => y.findingCount - x.findingCount || y.articleCount - x.articleCount,
};
