/**
 * The database schema as Kysely sees it. JSON-valued columns are stored as TEXT on both engines,
 * so that one set of queries serves SQLite and PostgreSQL alike; `codec.ts` converts them.
 * A migration that adds a table also adds its interface here and a key in `Database`.
 */

export interface ArticlesTable {
  /** `CleanArticle.id`: derived from the normalised content. */
  id: string;
  /** sha-256 of the normalised text; unique, so the same article ingested twice is one row. */
  content_hash: string;
  source: string;
  format: string;
  external_id: string | null;
  url: string | null;
  title: string;
  published: string | null;
  outlet: string | null;
  author: string | null;
  /** JSON `Credit[]`. */
  credits: string;
  original: string;
  text: string;
  /** JSON `OffsetRun[]`. */
  offsets: string;
  /** JSON `Span[]`. */
  paragraphs: string;
  /** Compact JSON of sentences and tokens (see codec.ts). */
  sentences: string;
  /** ISO 8601 timestamps. */
  ingested_at: string;
  updated_at: string;
}

export interface IngestErrorsTable {
  source: string;
  reason: string;
  at: string;
}

export interface StoriesTable {
  /** The clusterer's story id. */
  id: string;
  /** The headline of the article that opened the story. */
  title: string;
  /** ISO 8601, earliest and latest dated member; null when no member is dated. */
  first_published: string | null;
  last_published: string | null;
  /** Member articles, copies included. */
  size: number;
  /** Members that are exact or near copies of another member. */
  duplicates: number;
  /** JSON `string[]`: distinct outlets, in order of first publication. */
  outlets: string;
  /** The story this one turned out to be part of; its members moved there. */
  merged_into: string | null;
  created_at: string;
  updated_at: string;
}

export interface StoryArticlesTable {
  article_id: string;
  story_id: string;
  /** How the article joined: new | joined | duplicate | thin | off-title. */
  kind: string;
  /** For copies: the first-seen article of the group. */
  duplicate_of: string | null;
  /** Time-discounted similarity to the story when it joined (1 for copies, 0 for openers). */
  similarity: number;
  /** Arrival order across all runs: the order the clusterer saw the articles. */
  position: number;
}

/** One row (id 1): the serialised StoryClusterer, so the next ingest continues the stream. */
export interface ClusterStateTable {
  id: number;
  /** Incremented on every save; a writer that loaded an older version lost a race and retries. */
  version: number;
  /** Articles the snapshot has seen: must equal the number of story_articles rows. */
  articles: number;
  snapshot: string;
  updated_at: string;
}

export interface Database {
  articles: ArticlesTable;
  ingest_errors: IngestErrorsTable;
  stories: StoriesTable;
  story_articles: StoryArticlesTable;
  cluster_state: ClusterStateTable;
}
