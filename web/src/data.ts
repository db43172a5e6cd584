/**
 * Where the UI gets its data: the HTTP API (`wiretrace serve`) or the snapshot embedded in a
 * self-contained HTML report (`analyze --html`). The views only see `DataSource`.
 */
import type {
  ArticleRef,
  ArticleView,
  PairDiff,
  Snapshot,
  StoryListItem,
  StorySort,
  StoryView,
} from '../../src/server/views/types.js';

export type { ArticleRef, ArticleView, PairDiff, StoryListItem, StorySort, StoryView };

export interface DataSource {
  /** True when this is a report file: no ingest, only precomputed pairs can be compared. */
  readonly offline: boolean;
  listStories(q: string, sort: StorySort): Promise<StoryListItem[]>;
  getStory(id: string): Promise<StoryView>;
  getArticle(id: string): Promise<ArticleView>;
  diff(a: string, b: string): Promise<PairDiff>;
}

class NotFound extends Error {}

/** Talks to the JSON API of `wiretrace serve`, on the same origin. */
export class ApiSource implements DataSource {
  readonly offline = false;

  private async get<T>(path: string): Promise<T> {
    const res = await fetch(path, { headers: { accept: 'application/json' } });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      throw new Error(body.error ?? `${res.status} ${res.statusText}`);
    }
    return (await res.json()) as T;
  }

  async listStories(q: string, sort: StorySort): Promise<StoryListItem[]> {
    const params = new URLSearchParams({ sort });
    if (q.trim()) params.set('q', q.trim());
    return (await this.get<{ stories: StoryListItem[] }>(`api/stories?${params}`)).stories;
  }
  getStory(id: string) {
    return this.get<StoryView>(`api/stories/${encodeURIComponent(id)}`);
  }
  getArticle(id: string) {
    return this.get<ArticleView>(`api/articles/${encodeURIComponent(id)}`);
  }
  diff(a: string, b: string) {
    return this.get<PairDiff>(`api/diff?${new URLSearchParams({ a, b })}`);
  }
}

/** Reads the snapshot an HTML report carries in `<script type="application/json" id="wiretrace-data">`. */
export class EmbeddedSource implements DataSource {
  readonly offline = true;
  constructor(private readonly data: Snapshot) {}

  async listStories(q: string, sort: StorySort): Promise<StoryListItem[]> {
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const found = this.data.stories.filter((s) => {
      const view = this.data.storyViews[s.id];
      const haystack = [s.title, ...s.outlets, ...(view?.articles ?? []).map((a) => a.title)].join('\n').toLowerCase();
      return words.every((w) => haystack.includes(w));
    });
    return found.sort(ORDER[sort]);
  }
  async getStory(id: string) {
    return this.need(this.data.storyViews[id], `no story ${id}`);
  }
  async getArticle(id: string) {
    return this.need(this.data.articles[id], `no article ${id}`);
  }
  async diff(a: string, b: string) {
    return this.need(this.data.diffs[`${a}|${b}`], 'this report has no side-by-side view for these two versions');
  }
  private need<T>(value: T | undefined, message: string): T {
    if (value === undefined) throw new NotFound(message);
    return value;
  }
}

/** The same orders as the server's (src/server/service.ts). */
const ORDER: Record<StorySort, (x: StoryListItem, y: StoryListItem) => number> = {
  recency: (x, y) => (y.lastPublished ?? '').localeCompare(x.lastPublished ?? '') || x.title.localeCompare(y.title),
  size: (x, y) => y.articleCount - x.articleCount || x.title.localeCompare(y.title),
  findings: (x, y) => y.findingCount - x.findingCount || y.articleCount - x.articleCount,
};

/** The embedded snapshot when this page is a report, else the API. */
export function openDataSource(doc: Document): DataSource {
  const embedded = doc.getElementById('wiretrace-data');
  if (embedded?.textContent) return new EmbeddedSource(JSON.parse(embedded.textContent) as Snapshot);
  return new ApiSource();
}
