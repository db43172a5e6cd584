/**
 * Stories in the store: which article belongs to which story, each story's summary (size,
 * outlets, first and last date), and the online clusterer's saved state.
 *
 * The summaries are derived from the memberships and the articles' own metadata every time a
 * story changes, so they can never disagree with what `storyArticles` returns.
 */
import type { Kysely, Transaction } from 'kysely';
import { publicationOrder } from '../cluster/index.js';
import type { Database, StoriesTable } from './schema.js';

/** One article's place in a story, as StoryClusterer.add reports it (a StoryAssignment fits). */
export interface StoryAssignmentInput {
  article: string;
  /** The story the article is in once this assignment's merges are done. */
  story: string;
  /** new | joined | duplicate | thin | off-title */
  kind: string;
  duplicateOf?: string;
  similarity: number;
  /** Stories found to be part of `story` because of this article. */
  merged: readonly string[];
}

export interface SaveStoriesOptions {
  /** Titles of stories first seen in this batch; others take their opening article's title. */
  titles?: ReadonlyMap<string, string>;
  /**
   * The clusterer's state after these assignments, saved in the same transaction so that the
   * state and the memberships never disagree. `expectedVersion` is the version that was loaded
   * (null: none was); if another writer saved in between, the save fails with ClusterStateConflict.
   * Without `snapshot` the saved snapshot stays as it is and these assignments extend the log of
   * memberships replayed on top of it (see clustering.ts); a first save needs a snapshot.
   */
  state?: { snapshot?: string; expectedVersion: number | null };
  /** Forget every story and membership first (re-clustering from scratch). */
  reset?: boolean;
}

export interface StorySaveResult {
  /** Stories created by this batch that still stand (not merged away within it). */
  created: string[];
  /** [merged story, story it is now part of]. */
  merged: [string, string][];
  /** Memberships written. */
  assigned: number;
  /** The clusterer state's version after the save, when a state was saved. */
  stateVersion?: number;
}

/** A line of `wiretrace stories`. */
export interface StoryListing {
  id: string;
  title: string;
  /** Member articles, copies included. */
  size: number;
  /** Members that are copies of another member. */
  duplicates: number;
  /** Distinct outlets, in order of first publication. */
  outlets: string[];
  /** ISO 8601 timestamps of the earliest and latest dated member. */
  firstPublished?: string;
  lastPublished?: string;
  updatedAt: string;
}

/** How an article came to be in its story. */
export interface StoryMember {
  article: string;
  story: string;
  kind: string;
  duplicateOf?: string;
  similarity: number;
  /** Arrival order across all ingests. */
  position: number;
}

export interface ClusterState {
  version: number;
  /** Articles the snapshot has seen. */
  articles: number;
  snapshot: string;
}

/** Another writer saved the clusterer's state after we loaded it: reload and redo the batch. */
export class ClusterStateConflict extends Error {
  constructor() {
    super('the story clusterer state was saved by another ingest meanwhile');
  }
}

const KEYS_PER_LOOKUP = 500;
const ROWS_PER_INSERT = 100;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Db = Kysely<Database> | Transaction<Database>;

function toListing(row: StoriesTable): StoryListing {
  const listing: StoryListing = {
    id: row.id,
    title: row.title,
    size: Number(row.size),
    duplicates: Number(row.duplicates),
    outlets: JSON.parse(row.outlets) as string[],
    updatedAt: row.updated_at,
  };
  if (row.first_published !== null) listing.firstPublished = row.first_published;
  if (row.last_published !== null) listing.lastPublished = row.last_published;
  return listing;
}

/** Latest news first: by last publication, then first publication; undated stories last. */
export function byRecency(a: StoryListing, b: StoryListing): number {
  const la = a.lastPublished ?? '';
  const lb = b.lastPublished ?? '';
  if (la !== lb) return la < lb ? 1 : -1;
  const fa = a.firstPublished ?? '';
  const fb = b.firstPublished ?? '';
  if (fa !== fb) return fa < fb ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function isoTime(published: string | null): number {
  return published ? Date.parse(published) : Number.NaN;
}

/**
 * Size, copies, outlets and dates of these stories, recomputed from their members, and written
 * as multi-row upserts (the rows exist already; only the summary columns are set), so that a
 * run creating thousands of stories costs a few statements, not one round trip a story.
 */
async function refreshSummaries(db: Db, storyIds: readonly string[], now: string): Promise<void> {
  for (const part of chunks([...new Set(storyIds)], ROWS_PER_INSERT)) {
    const rows = await db
      .selectFrom('story_articles as sa')
      .innerJoin('articles as a', 'a.id', 'sa.article_id')
      .select(['sa.story_id', 'sa.kind', 'a.id', 'a.published', 'a.outlet'])
      .where('sa.story_id', 'in', part)
      .execute();
    const members = new Map<string, typeof rows>();
    for (const id of part) members.set(id, []);
    for (const row of rows) members.get(row.story_id)?.push(row);
    const values: StoriesTable[] = [];
    for (const [id, list] of members) {
      const ordered = list
        .map((r) => ({ ...r, published: r.published ?? undefined }))
        .sort((x, y) => publicationOrder(x, y));
      const outlets: string[] = [];
      let first = Number.NaN;
      let last = Number.NaN;
      for (const m of ordered) {
        const outlet = m.outlet?.trim();
        if (outlet && !outlets.includes(outlet)) outlets.push(outlet);
        const t = isoTime(m.published ?? null);
        if (Number.isFinite(t)) {
          if (!(first <= t)) first = t;
          if (!(last >= t)) last = t;
        }
      }
      values.push({
        id,
        // Not written: the row exists, and the upsert below sets only the summary columns.
        title: '',
        merged_into: null,
        created_at: now,
        size: list.length,
        duplicates: list.filter((m) => m.kind === 'duplicate').length,
        outlets: JSON.stringify(outlets),
        first_published: Number.isFinite(first) ? new Date(first).toISOString() : null,
        last_published: Number.isFinite(last) ? new Date(last).toISOString() : null,
        updated_at: now,
      });
    }
    if (values.length === 0) continue;
    await db
      .insertInto('stories')
      .values(values)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          size: eb.ref('excluded.size'),
          duplicates: eb.ref('excluded.duplicates'),
          outlets: eb.ref('excluded.outlets'),
          first_published: eb.ref('excluded.first_published'),
          last_published: eb.ref('excluded.last_published'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/**
 * Saves one batch of assignments, in arrival order, with its merges and (optionally) the
 * clusterer's state — all in ONE transaction.
 */
export async function saveStoryAssignments(
  db: Kysely<Database>,
  assignments: readonly StoryAssignmentInput[],
  options: SaveStoriesOptions = {},
): Promise<StorySaveResult> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    if (options.reset) {
      await trx.deleteFrom('story_articles').execute();
      await trx.deleteFrom('stories').execute();
    }
    const stateVersion = options.state
      ? await writeState(trx, options.state, assignments.length, options.reset === true, now)
      : undefined;

    // Merges as this batch saw them, resolved to the story that finally holds everything.
    const mergedInto = new Map<string, string>();
    for (const a of assignments) for (const gone of a.merged) if (gone !== a.story) mergedInto.set(gone, a.story);
    const resolve = (id: string): string => {
      let current = id;
      for (let guard = 0; mergedInto.has(current) && guard <= mergedInto.size; guard++)
        current = mergedInto.get(current) as string;
      return current;
    };

    // Every story named in the batch gets a row, merged ones too (so their ids still resolve).
    const openers = new Map<string, string>();
    for (const a of assignments) {
      if (!openers.has(a.story)) openers.set(a.story, a.article);
      for (const gone of a.merged) if (!openers.has(gone)) openers.set(gone, a.article);
    }
    const existing = new Set<string>();
    for (const part of chunks([...openers.keys()], KEYS_PER_LOOKUP)) {
      const rows = await trx.selectFrom('stories').select('id').where('id', 'in', part).execute();
      for (const row of rows) existing.add(row.id);
    }
    const fresh = [...openers.keys()].filter((id) => !existing.has(id));
    const untitled = fresh.filter((id) => !options.titles?.has(id)).map((id) => openers.get(id) as string);
    const articleTitles = new Map<string, string>();
    for (const part of chunks([...new Set(untitled)], KEYS_PER_LOOKUP)) {
      const rows = await trx.selectFrom('articles').select(['id', 'title', 'source']).where('id', 'in', part).execute();
      for (const row of rows) articleTitles.set(row.id, row.title.trim() || row.source);
    }
    for (const part of chunks(fresh, ROWS_PER_INSERT)) {
      await trx
        .insertInto('stories')
        .values(
          part.map((id) => ({
            id,
            title: options.titles?.get(id) ?? articleTitles.get(openers.get(id) as string) ?? '',
            first_published: null,
            last_published: null,
            size: 0,
            duplicates: 0,
            outlets: '[]',
            merged_into: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }

    const top = await trx
      .selectFrom('story_articles')
      .select((eb) => eb.fn.max<number | string | null>('position').as('p'))
      .executeTakeFirst();
    let position = top?.p === null || top?.p === undefined ? 0 : Number(top.p) + 1;
    const rows = assignments.map((a) => ({
      article_id: a.article,
      story_id: resolve(a.story),
      kind: a.kind,
      duplicate_of: a.duplicateOf ?? null,
      similarity: Number.isFinite(a.similarity) ? a.similarity : 0,
      position: position++,
    }));
    for (const part of chunks(rows, ROWS_PER_INSERT)) {
      await trx
        .insertInto('story_articles')
        .values(part)
        .onConflict((oc) =>
          oc.column('article_id').doUpdateSet((eb) => ({
            story_id: eb.ref('excluded.story_id'),
            kind: eb.ref('excluded.kind'),
            duplicate_of: eb.ref('excluded.duplicate_of'),
            similarity: eb.ref('excluded.similarity'),
            position: eb.ref('excluded.position'),
          })),
        )
        .execute();
    }

    const merged: [string, string][] = [];
    for (const gone of mergedInto.keys()) {
      const keep = resolve(gone);
      merged.push([gone, keep]);
      await trx.updateTable('story_articles').set({ story_id: keep }).where('story_id', '=', gone).execute();
      // A merged story holds no articles any more; its row stays only so that its id resolves.
      await trx
        .updateTable('stories')
        .set({ merged_into: keep, size: 0, duplicates: 0, updated_at: now })
        .where((eb) => eb.or([eb('id', '=', gone), eb('merged_into', '=', gone)]))
        .execute();
    }

    const touched = new Set(rows.map((r) => r.story_id));
    for (const [, keep] of merged) touched.add(keep);
    await refreshSummaries(trx, [...touched], now);
    return {
      created: fresh.filter((id) => !mergedInto.has(id)),
      merged,
      assigned: rows.length,
      ...(stateVersion === undefined ? {} : { stateVersion }),
    };
  });
}

async function writeState(
  trx: Transaction<Database>,
  state: NonNullable<SaveStoriesOptions['state']>,
  added: number,
  reset: boolean,
  now: string,
): Promise<number> {
  if (state.expectedVersion === null) {
    if (state.snapshot === undefined) throw new Error('the first clusterer state saved must be a snapshot');
    if (reset) await trx.deleteFrom('cluster_state').execute();
    // DO NOTHING, not a failed insert: on PostgreSQL a racing first writer makes this wait for
    // its commit and then insert nothing, which is the conflict we report.
    const inserted = await trx
      .insertInto('cluster_state')
      .values({ id: 1, version: 1, articles: added, snapshot: state.snapshot, updated_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw new ClusterStateConflict();
    return 1;
  }
  const snapshot = state.snapshot;
  const result = await trx
    .updateTable('cluster_state')
    .set((eb) => ({
      version: eb('version', '+', 1),
      articles: reset ? added : eb('articles', '+', added),
      ...(snapshot === undefined ? {} : { snapshot }),
      updated_at: now,
    }))
    .where('id', '=', 1)
    .where('version', '=', state.expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new ClusterStateConflict();
  return state.expectedVersion + 1;
}

/** The saved state's version and article count, without reading the (large) snapshot. */
export async function clusterStateInfo(db: Db): Promise<Omit<ClusterState, 'snapshot'> | undefined> {
  const row = await db
    .selectFrom('cluster_state')
    .select(['version', 'articles'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? { version: Number(row.version), articles: Number(row.articles) } : undefined;
}

export async function loadClusterState(db: Db): Promise<ClusterState | undefined> {
  const row = await db
    .selectFrom('cluster_state')
    .select(['version', 'articles', 'snapshot'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? { version: Number(row.version), articles: Number(row.articles), snapshot: row.snapshot } : undefined;
}

/** The story an id names, following merges to the story that holds its articles now. */
export async function currentStoryId(db: Db, id: string): Promise<string | undefined> {
  let current = id;
  const seen = new Set<string>();
  for (;;) {
    const row = await db
      .selectFrom('stories')
      .select(['id', 'merged_into'])
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.merged_into === null || seen.has(row.merged_into)) return row.id;
    seen.add(current);
    current = row.merged_into;
  }
}

export async function getStory(db: Db, id: string): Promise<StoryListing | undefined> {
  const current = await currentStoryId(db, id);
  if (current === undefined) return undefined;
  const row = await db.selectFrom('stories').selectAll().where('id', '=', current).executeTakeFirst();
  return row ? toListing(row) : undefined;
}

export async function listStories(db: Db, options: { limit?: number } = {}): Promise<StoryListing[]> {
  const rows = await db.selectFrom('stories').selectAll().where('merged_into', 'is', null).execute();
  const list = rows.map(toListing).sort(byRecency);
  return options.limit !== undefined ? list.slice(0, options.limit) : list;
}

/** Members of a story (following merges), in publication order (undated last). */
export async function storyMembers(db: Db, storyId: string): Promise<StoryMember[]> {
  const current = await currentStoryId(db, storyId);
  if (current === undefined) return [];
  const rows = await db
    .selectFrom('story_articles as sa')
    .innerJoin('articles as a', 'a.id', 'sa.article_id')
    .select([
      'sa.article_id',
      'sa.story_id',
      'sa.kind',
      'sa.duplicate_of',
      'sa.similarity',
      'sa.position',
      'a.published',
    ])
    .where('sa.story_id', '=', current)
    .execute();
  return rows
    .map((r) => ({ id: r.article_id, published: r.published ?? undefined, row: r }))
    .sort(publicationOrder)
    .map(({ row }) => memberOf(row));
}

function memberOf(row: {
  article_id: string;
  story_id: string;
  kind: string;
  duplicate_of: string | null;
  similarity: number | string;
  position: number | string;
}): StoryMember {
  const member: StoryMember = {
    article: row.article_id,
    story: row.story_id,
    kind: row.kind,
    similarity: Number(row.similarity),
    position: Number(row.position),
  };
  if (row.duplicate_of !== null) member.duplicateOf = row.duplicate_of;
  return member;
}

export async function membershipOf(db: Db, articleId: string): Promise<StoryMember | undefined> {
  const row = await db.selectFrom('story_articles').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  return row ? memberOf(row) : undefined;
}

/** Stored articles no story holds yet (new, or left by a run killed before it clustered them). */
export async function unclusteredArticles(db: Db): Promise<{ id: string; published?: string }[]> {
  const rows = await db
    .selectFrom('articles as a')
    .leftJoin('story_articles as sa', 'sa.article_id', 'a.id')
    .select(['a.id', 'a.published'])
    .where('sa.article_id', 'is', null)
    .execute();
  return rows.map((r) => (r.published === null ? { id: r.id } : { id: r.id, published: r.published }));
}

export async function membershipsBetween(
  db: Db,
  from: number,
  to: number,
): Promise<{ article: string; story: string }[]> {
  const rows = await db
    .selectFrom('story_articles')
    .select(['article_id', 'story_id'])
    .where('position', '>=', from)
    .where('position', '<', to)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ article: r.article_id, story: r.story_id }));
}

export async function countMemberships(db: Db): Promise<number> {
  const row = await db
    .selectFrom('story_articles')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Story ids starting with `prefix` (current and merged ones alike), at most `limit`. The
 * "story-" every id starts with may be left out, as `wiretrace stories` prints ids without it.
 */
export async function resolveStoryId(db: Db, prefix: string, limit = 10): Promise<string[]> {
  const prefixes = prefix.startsWith(STORY_PREFIX) ? [prefix] : [prefix, `${STORY_PREFIX}${prefix}`];
  const found = new Set<string>();
  for (const p of prefixes) {
    // Escape LIKE wildcards (user input) and confirm exactly below: SQLite's LIKE ignores case.
    const pattern = `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await db
      .selectFrom('stories')
      .select('id')
      .where((eb) => eb('id', 'like', eb.val(pattern)))
      .orderBy('id')
      .limit(limit)
      .execute();
    for (const row of rows) if (row.id.startsWith(p)) found.add(row.id);
  }
  return [...found].sort().slice(0, limit);
}

/** What StoryClusterer puts before the opening article's id. */
const STORY_PREFIX = 'story-';
