import { type Kysely, Migrator } from 'kysely';
import type { StoryDocument } from '../cluster/index.js';
import type { Article, CleanArticle, Credit, InputError } from '../core/types.js';
import { articleToRow, decodeTokens, rowToArticle } from './codec.js';
import { type ConnectOptions, connect, type Engine, engineFor } from './connect.js';
import { migrationProvider } from './migrations/index.js';
import type { ArticlesTable, Database } from './schema.js';
import {
  type ClusterState,
  clusterStateInfo,
  countMemberships,
  getStory,
  listStories,
  loadClusterState,
  membershipOf,
  membershipsBetween,
  resolveStoryId,
  type SaveStoriesOptions,
  type StoryAssignmentInput,
  type StoryListing,
  type StoryMember,
  type StorySaveResult,
  saveStoryAssignments,
  storyMembers,
  unclusteredArticles,
} from './stories.js';

/** What `saveArticles` did with each article of a batch, by id. */
export interface SaveResult {
  /** New articles. */
  inserted: string[];
  /** Already stored (same content hash); missing metadata was filled in from this copy. */
  updated: string[];
  /**
   * Already stored (or stored by an earlier input of this batch), and this copy added nothing:
   * one entry per such input, so an id appears once per copy.
   */
  unchanged: string[];
}

/** One line of `wiretrace articles`: everything but the text. */
export interface ArticleListing {
  id: string;
  source: string;
  url?: string;
  title: string;
  published?: string;
  outlet?: string;
  author?: string;
  credits: Credit[];
  ingestedAt: string;
}

/** Metadata a re-ingest may fill in when the stored copy lacks it; it never overwrites. */
const FILLABLE = ['title', 'published', 'outlet', 'url', 'author', 'external_id'] as const;
type Fillable = (typeof FILLABLE)[number];

/**
 * Rows per INSERT statement. SQLite allows 32,766 bound parameters per statement and PostgreSQL
 * 65,535; 18 columns × 100 rows stays far below both while saving most round trips.
 */
const ROWS_PER_INSERT = 100;
/** Values per `IN (…)` lookup, for the same reason. */
const KEYS_PER_LOOKUP = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function metadataColumns(a: CleanArticle): Record<Fillable, string | null> {
  return {
    title: a.title,
    published: a.published ?? null,
    outlet: a.outlet ?? null,
    url: a.url ?? null,
    author: a.author ?? null,
    external_id: a.externalId ?? null,
  };
}

function isEmpty(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

const LISTING_COLUMNS = [
  'id',
  'source',
  'url',
  'title',
  'published',
  'outlet',
  'author',
  'credits',
  'ingested_at',
] as const satisfies readonly (keyof ArticlesTable)[];

function toArticleListing(r: Pick<ArticlesTable, (typeof LISTING_COLUMNS)[number]>): ArticleListing {
  const listing: ArticleListing = {
    id: r.id,
    source: r.source,
    title: r.title,
    credits: JSON.parse(r.credits) as Credit[],
    ingestedAt: r.ingested_at,
  };
  if (r.url !== null) listing.url = r.url;
  if (r.published !== null) listing.published = r.published;
  if (r.outlet !== null) listing.outlet = r.outlet;
  if (r.author !== null) listing.author = r.author;
  return listing;
}

function byPublication(a: ArticleListing, b: ArticleListing): number {
  return (
    (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') ||
    a.ingestedAt.localeCompare(b.ingestedAt) ||
    a.id.localeCompare(b.id)
  );
}

/** See Store.clusterInputs. */
export interface ClusterInputs {
  unclustered: { id: string; published?: string }[];
  memberships: number;
  /** Whether the saved state (or its absence) agrees with the memberships. */
  inStep: boolean;
  /** The saved state's version, when there is one. */
  version?: number;
  /** The saved state, read only when there are articles to place or the state is out of step. */
  state?: ClusterState;
}

/**
 * The article store: SQLite or PostgreSQL through one Kysely query layer. Every batch is one
 * transaction, so a killed ingest leaves whole batches or nothing, and a re-run skips what is
 * stored (same content hash = same article).
 */
export class Store {
  constructor(
    /** The query builder, for stages that keep their own tables (stories, …). */
    readonly db: Kysely<Database>,
    readonly engine: Engine,
  ) {}

  /**
   * Saves a batch in ONE transaction. Idempotent: an article whose content hash is stored already
   * is not inserted again; its missing metadata (title, date, outlet, url, author) is filled from
   * the new copy. Two copies within one batch are handled the same way.
   *
   * A CleanArticle (not segmented) is accepted for content already stored — it can only update
   * metadata — so that a resumed ingest need not segment what it will not insert; use
   * `knownHashes` to tell which those are.
   */
  async saveArticles(articles: readonly (Article | CleanArticle)[]): Promise<SaveResult> {
    const result: SaveResult = { inserted: [], updated: [], unchanged: [] };
    if (articles.length === 0) return result;
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const existing = new Map<string, Pick<ArticlesTable, 'id' | 'content_hash' | Fillable>>();
      for (const part of chunks([...new Set(articles.map((a) => a.contentHash))], KEYS_PER_LOOKUP)) {
        const rows = await trx
          .selectFrom('articles')
          .select(['id', 'content_hash', ...FILLABLE])
          .where('content_hash', 'in', part)
          .execute();
        for (const row of rows) existing.set(row.content_hash, row);
      }
      const inserts = new Map<string, ArticlesTable>();
      const changed = new Map<string, Pick<ArticlesTable, 'id' | 'content_hash' | Fillable>>();
      // One entry per input that added nothing, copies within this batch included, so that the
      // three lists add up to the inputs given (a run of 2,000 files says 2,000, copies or not).
      const unchanged: string[] = [];
      for (const article of articles) {
        const pending = inserts.get(article.contentHash);
        const stored = pending ?? existing.get(article.contentHash);
        if (!stored) {
          if (!('sentences' in article))
            throw new Error(`${article.source}: cannot store an article before segmentation`);
          inserts.set(article.contentHash, { ...articleToRow(article), ingested_at: now, updated_at: now });
          continue;
        }
        const fresh = metadataColumns(article);
        let filled = false;
        for (const key of FILLABLE) {
          if (isEmpty(stored[key]) && !isEmpty(fresh[key])) {
            (stored as Record<Fillable, string | null>)[key] = fresh[key];
            filled = true;
          }
        }
        if (filled && !pending && !changed.has(stored.id)) changed.set(stored.id, stored);
        else unchanged.push(stored.id);
      }
      for (const part of chunks([...inserts.values()], ROWS_PER_INSERT)) {
        await trx.insertInto('articles').values(part).execute();
      }
      for (const row of changed.values()) {
        const patch: Record<string, string | null> = { updated_at: now };
        for (const key of FILLABLE) patch[key] = row[key];
        await trx
          .updateTable('articles')
          .set(patch as Partial<ArticlesTable>)
          .where('id', '=', row.id)
          .execute();
      }
      result.inserted = [...inserts.values()].map((r) => r.id);
      result.updated = [...changed.keys()];
      result.unchanged = unchanged;
    });
    return result;
  }

  /** Which of these content hashes are stored already: lets a resumed ingest skip segmentation. */
  async knownHashes(hashes: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const part of chunks([...new Set(hashes)], KEYS_PER_LOOKUP)) {
      const rows = await this.db
        .selectFrom('articles')
        .select('content_hash')
        .where('content_hash', 'in', part)
        .execute();
      for (const row of rows) known.add(row.content_hash);
    }
    return known;
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToArticle(row) : undefined;
  }

  /** Full articles for these ids, in the order given (unknown ids are left out). */
  async getArticles(ids: readonly string[]): Promise<Article[]> {
    const found = new Map<string, Article>();
    for (const part of chunks([...new Set(ids)], KEYS_PER_LOOKUP)) {
      const rows = await this.db.selectFrom('articles').selectAll().where('id', 'in', part).execute();
      for (const row of rows) found.set(row.id, rowToArticle(row));
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /**
   * What the story clusterer needs of these articles (id, date, title, text, hash, tokens), in
   * the order given: a fraction of the cost of full Articles.
   */
  async storyDocuments(ids: readonly string[]): Promise<StoryDocument[]> {
    const found = new Map<string, StoryDocument>();
    for (const part of chunks([...new Set(ids)], KEYS_PER_LOOKUP)) {
      const rows = await this.db
        .selectFrom('articles')
        .select(['id', 'published', 'title', 'text', 'content_hash', 'sentences'])
        .where('id', 'in', part)
        .execute();
      for (const row of rows) {
        const doc: StoryDocument = {
          id: row.id,
          title: row.title,
          text: row.text,
          contentHash: row.content_hash,
          tokens: decodeTokens(row.text, row.sentences),
        };
        if (row.published !== null) doc.published = row.published;
        found.set(row.id, doc);
      }
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** Ids starting with `prefix` (at most `limit`), so that users can type a short id as with git. */
  async resolveId(prefix: string, limit = 10): Promise<string[]> {
    // Escape LIKE wildcards: ids are hex, but the prefix is user input.
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.db
      .selectFrom('articles')
      .select('id')
      .where((eb) => eb('id', 'like', eb.val(pattern)))
      .orderBy('id')
      .limit(limit)
      .execute();
    // LIKE is case-insensitive on SQLite and lacks ESCAPE by default there; confirm exactly here.
    return rows.map((r) => r.id).filter((id) => id.startsWith(prefix));
  }

  /** Every stored article without its text, oldest publication first (undated last). */
  async listArticles(): Promise<ArticleListing[]> {
    const rows = await this.db.selectFrom('articles').select(LISTING_COLUMNS).execute();
    return rows.map(toArticleListing).sort(byPublication);
  }

  /** These articles without their text, oldest publication first (unknown ids are left out). */
  async articleListings(ids: readonly string[]): Promise<ArticleListing[]> {
    const out: ArticleListing[] = [];
    for (const part of chunks([...new Set(ids)], KEYS_PER_LOOKUP)) {
      const rows = await this.db.selectFrom('articles').select(LISTING_COLUMNS).where('id', 'in', part).execute();
      out.push(...rows.map(toArticleListing));
    }
    return out.sort(byPublication);
  }

  async countArticles(): Promise<number> {
    const row = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    // PostgreSQL returns COUNT as a bigint string.
    return Number(row.n);
  }

  /** Keeps input errors so that a long ingest can be reviewed afterwards. */
  async recordErrors(errors: readonly InputError[]): Promise<void> {
    if (errors.length === 0) return;
    const at = new Date().toISOString();
    for (const part of chunks(errors, ROWS_PER_INSERT)) {
      await this.db
        .insertInto('ingest_errors')
        .values(part.map((e) => ({ source: e.source, reason: e.reason, at })))
        .execute();
    }
  }

  // --- Stories (see stories.ts) -----------------------------------------------------------------

  /**
   * Saves a batch of StoryClusterer assignments in arrival order, applying their merges, and the
   * clusterer's state with them, in ONE transaction.
   */
  saveStoryAssignments(
    assignments: readonly StoryAssignmentInput[],
    options: SaveStoriesOptions = {},
  ): Promise<StorySaveResult> {
    return saveStoryAssignments(this.db, assignments, options);
  }

  /** Current stories (merged ones left out), latest news first. */
  listStories(options: { limit?: number } = {}): Promise<StoryListing[]> {
    return listStories(this.db, options);
  }

  /** One story; the id of a story merged into another leads to that other story. */
  getStory(id: string): Promise<StoryListing | undefined> {
    return getStory(this.db, id);
  }

  /** The full articles of a story (following merges), in publication order, undated last. */
  async storyArticles(storyId: string): Promise<Article[]> {
    const members = await storyMembers(this.db, storyId);
    return this.getArticles(members.map((m) => m.article));
  }

  /** How each article of a story joined it, in publication order. */
  storyMembers(storyId: string): Promise<StoryMember[]> {
    return storyMembers(this.db, storyId);
  }

  /** The story an article is in, and how it joined. */
  storyOfArticle(articleId: string): Promise<StoryMember | undefined> {
    return membershipOf(this.db, articleId);
  }

  /** Story ids starting with `prefix` ("story-" may be left out). */
  resolveStoryId(prefix: string, limit = 10): Promise<string[]> {
    return resolveStoryId(this.db, prefix, limit);
  }

  /** Memberships at arrival positions [from, to), in arrival order: the log replayed on a snapshot. */
  membershipsBetween(from: number, to: number): Promise<{ article: string; story: string }[]> {
    return membershipsBetween(this.db, from, to);
  }

  /** The saved StoryClusterer state, if any ingest clustered before. */
  loadClusterState(): Promise<ClusterState | undefined> {
    return loadClusterState(this.db);
  }

  /** The saved state's version and article count, without its snapshot. */
  clusterStateInfo(): Promise<Omit<ClusterState, 'snapshot'> | undefined> {
    return clusterStateInfo(this.db);
  }

  /** Stored articles that no story holds yet. */
  unclusteredArticles(): Promise<{ id: string; published?: string }[]> {
    return unclusteredArticles(this.db);
  }

  /**
   * What a clustering run starts from, read as one snapshot: the articles no story holds, the
   * memberships, and the saved state (its snapshot only when there is work to do, as it grows with
   * the store). Read one query at a time, another ingest's commit could land in between: the state
   * then looked out of step with the memberships, and the run rebuilt every story from scratch.
   * `haveVersion`: the caller holds that version of the state already (a process that clustered
   * before), so its snapshot is not read when the saved state is still that version.
   */
  clusterInputs(options: { haveVersion?: number } = {}): Promise<ClusterInputs> {
    let transaction = this.db.transaction();
    if (this.engine === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
    return transaction.execute(async (trx) => {
      const unclustered = await unclusteredArticles(trx);
      const memberships = await countMemberships(trx);
      const info = await clusterStateInfo(trx);
      const inStep = info ? info.articles === memberships : memberships === 0;
      const base = { unclustered, memberships, inStep, ...(info ? { version: info.version } : {}) };
      if ((unclustered.length === 0 && inStep) || (info && info.version === options.haveVersion)) return base;
      return { ...base, state: await loadClusterState(trx) };
    });
  }

  /** Current stories (merged ones not counted). */
  async countStories(): Promise<number> {
    const row = await this.db
      .selectFrom('stories')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('merged_into', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  countMemberships(): Promise<number> {
    return countMemberships(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/**
 * Opens (creating and migrating as needed) the store a `--db` value names: a PostgreSQL URL
 * (postgres://…) or an SQLite file path (default ./wiretrace.db).
 */
export async function openStore(url: string, options: ConnectOptions = {}): Promise<Store> {
  const db = await connect(url, options);
  try {
    // Kysely looks for its migration tables in any schema unless told which: with two stores in
    // one PostgreSQL database (tests do this), it would find the other's and never create its own.
    const migrator = new Migrator({
      db,
      provider: migrationProvider,
      ...(options.schema && engineFor(url) === 'postgres' ? { migrationTableSchema: options.schema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new Error(`migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new Store(db, engineFor(url));
}
