/**
 * Online story clustering over the store: the stored articles that no story holds yet are fed,
 * in publication order, to the StoryClusterer as the previous run left it (its state is saved
 * in the store), and the assignments are saved with the new state in one transaction.
 *
 * Nothing is recomputed over the stored world: each run costs the articles it adds, plus getting
 * the clusterer's state. The state is a snapshot (about 1.2 KB per article seen) plus a log: the
 * memberships saved since the snapshot, in arrival order, which the clusterer replays (it is
 * deterministic, so replaying them gives the state exactly). A run writes a new snapshot only
 * once the log has grown to max(1,000, 1/32 of the snapshot) articles; otherwise it saves its
 * memberships alone. The snapshot grows with the stream (12 MB at 10,000 articles), and
 * rewriting it made every small run pay for the whole archive: placing 50 new articles in a
 * 10,000-article store took 0.65–0.76 s of CPU with the rewrite, 0.41 s with the log.
 *
 * A process keeps the clusterer it saved (per Store object), so a long-running process (`ingest
 * --cluster-every`, `wiretrace worker`) reads neither snapshot nor log while nobody else writes.
 *
 * The state is rebuilt from every stored article only when it cannot be used: written by an
 * incompatible version or under other clusterer settings, or out of step with the memberships.
 */
import {
  type ClustererSnapshot,
  publicationOrder,
  StoryClusterer,
  type StoryClustererOptions,
} from '../cluster/index.js';
import type { Store } from './store.js';
import { ClusterStateConflict } from './stories.js';

export interface ClusterRunOptions {
  /** Clusterer parameters; defaults are the tuned ones (DEFAULT_CLUSTERER_OPTIONS). */
  clusterer?: Partial<StoryClustererOptions>;
  /** Articles read from the store at a time, so that memory does not grow with the run. */
  chunkSize?: number;
  /** Called after each article is placed. */
  onProgress?: (done: number, total: number) => void;
  /** Tries when another ingest saves the clusterer's state while this one works. */
  attempts?: number;
  /**
   * Most memberships left in the log (replayed on the saved snapshot by the next process) before
   * a run writes a new snapshot instead. Default: max(1,000, 1/32 of the snapshot's articles);
   * 0 writes a snapshot on every run.
   */
  replayLimit?: number;
}

export interface ClusterRunSummary {
  /** Articles placed in stories by this run. */
  clustered: number;
  /** Stories this run opened that still stand. */
  newStories: string[];
  /** Articles that joined an existing story. */
  joined: number;
  /** Exact or near copies of an earlier article. */
  duplicates: number;
  /** Pages without article content ("thin", "off-title"). */
  noise: number;
  /** [merged story, story it is now part of]. */
  merged: [string, string][];
  /** Why the stories were rebuilt from scratch, when they were. */
  rebuilt?: string;
  /** Current stories after the run. */
  stories: number;
}

const NOISE = new Set(['thin', 'off-title']);

/** Places every stored article that has no story yet; see the module comment. */
export async function clusterStoredArticles(store: Store, options: ClusterRunOptions = {}): Promise<ClusterRunSummary> {
  const attempts = Math.max(1, options.attempts ?? 3);
  for (let attempt = 1; ; attempt++) {
    try {
      return await clusterOnce(store, options);
    } catch (error) {
      if (!retryable(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * Another ingest got there first: it saved the clusterer state we loaded (ClusterStateConflict),
 * or, on SQLite, wrote between our read and our write (SQLITE_BUSY_SNAPSHOT under WAL). Either
 * way, reloading and placing what is still unplaced is correct.
 */
function retryable(error: unknown): boolean {
  if (error instanceof ClusterStateConflict) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function emptySummary(stories: number): ClusterRunSummary {
  return { clustered: 0, newStories: [], joined: 0, duplicates: 0, noise: 0, merged: [], stories };
}

/** A clusterer as this process saved it: the state's version, and what its snapshot holds. */
interface HeldState {
  version: number;
  settings: string;
  clusterer: StoryClusterer;
  /** Articles the saved snapshot holds (the rest of the clusterer's are in the log). */
  snapshotArticles: number;
}

const held = new WeakMap<Store, HeldState>();

function defaultReplayLimit(snapshotArticles: number): number {
  return Math.max(1000, Math.floor(snapshotArticles / 32));
}

/**
 * Replays the log (memberships at positions [from, to)) on a clusterer restored from the
 * snapshot, and checks that every article lands in the story the store holds it in.
 */
async function replayLog(store: Store, clusterer: StoryClusterer, from: number, to: number, chunkSize: number) {
  if (from > to) throw new Error(`its snapshot holds ${from} articles, more than the ${to} it accounts for`);
  const log = await store.membershipsBetween(from, to);
  if (log.length !== to - from) throw new Error(`its log should hold ${to - from} memberships, not ${log.length}`);
  for (let start = 0; start < log.length; start += chunkSize) {
    const ids = log.slice(start, start + chunkSize).map((m) => m.article);
    const docs = await store.storyDocuments(ids);
    if (docs.length !== ids.length) throw new Error('an article of its log is no longer stored');
    for (const doc of docs) {
      if (clusterer.storyOf(doc.id) !== undefined) throw new Error('its log repeats an article of its snapshot');
      clusterer.add(doc);
    }
  }
  for (const m of log)
    if (clusterer.storyOf(m.article) !== m.story) throw new Error('replaying its log does not give the stored stories');
}

async function clusterOnce(store: Store, options: ClusterRunOptions): Promise<ClusterRunSummary> {
  const chunkSize = Math.max(1, options.chunkSize ?? 200);
  // The clusterer's own view of its settings, so that a snapshot compares equal to what it wrote.
  const settings = new StoryClusterer(options.clusterer).options;
  const settingsKey = JSON.stringify(settings);
  // Taken out while this run uses it: a concurrent run on the same Store reads the saved state
  // instead of changing this clusterer under our feet. Put back only after a successful save.
  const mine = held.get(store);
  held.delete(store);
  const have = mine?.settings === settingsKey ? mine : undefined;
  const { unclustered, memberships, inStep, version, state } = await store.clusterInputs({
    haveVersion: have?.version,
  });
  // Nothing new and the state in step: done, without reading a snapshot that grows with the
  // store (re-ingesting a folder that has not changed must stay cheap). A change of settings
  // takes effect at the next ingest that brings new articles.
  if (unclustered.length === 0 && inStep) {
    if (mine && mine.version === version) held.set(store, mine);
    return emptySummary(await store.countStories());
  }
  let clusterer: StoryClusterer | undefined;
  let snapshotArticles = 0;
  let rebuilt: string | undefined;
  const outOfStep = (articles: number) =>
    new Error(`its ${articles} articles do not match the ${memberships} stored memberships`);
  try {
    if (have && version === have.version) {
      if (!inStep) throw outOfStep(have.clusterer.articleCount);
      clusterer = have.clusterer;
      snapshotArticles = have.snapshotArticles;
    } else if (state) {
      const snapshot = JSON.parse(state.snapshot) as ClustererSnapshot;
      // Stories made under other settings (an upgrade retuned the clusterer) would differ from
      // what these settings give on the same articles: start again once, so that the store
      // always holds what one stream through the current clusterer gives.
      clusterer = StoryClusterer.fromJSON(snapshot, settings);
      if (JSON.stringify(snapshot.options) !== settingsKey)
        throw new Error('it was made with other clusterer settings');
      if (state.articles !== memberships) throw outOfStep(state.articles);
      snapshotArticles = clusterer.articleCount;
      await replayLog(store, clusterer, snapshotArticles, state.articles, chunkSize);
    } else if (memberships > 0) {
      rebuilt = 'stories stored without the clusterer state';
    }
  } catch (error) {
    clusterer = undefined;
    rebuilt = `saved clusterer state unusable: ${error instanceof Error ? error.message : String(error)}`;
  }
  clusterer ??= new StoryClusterer(settings);

  const pending = rebuilt
    ? (await store.db.selectFrom('articles').select(['id', 'published']).execute()).map((r) =>
        r.published === null ? { id: r.id } : { id: r.id, published: r.published },
      )
    : unclustered;
  pending.sort(publicationOrder);
  const summary = emptySummary(0);
  if (rebuilt) summary.rebuilt = rebuilt;
  if (pending.length === 0) {
    summary.stories = await store.countStories();
    return summary;
  }

  const assignments = [];
  const opened = new Set<string>();
  for (let start = 0; start < pending.length; start += chunkSize) {
    const ids = pending.slice(start, start + chunkSize).map((p) => p.id);
    for (const doc of await store.storyDocuments(ids)) {
      const assignment = clusterer.add(doc);
      assignments.push(assignment);
      if (assignment.kind === 'new' || (NOISE.has(assignment.kind) && assignment.similarity === 0))
        opened.add(assignment.story);
      if (assignment.kind === 'joined') summary.joined++;
      else if (assignment.kind === 'duplicate') summary.duplicates++;
      else if (NOISE.has(assignment.kind)) summary.noise++;
      options.onProgress?.(assignments.length, pending.length);
    }
  }
  const titles = new Map<string, string>();
  for (const story of clusterer.listStories()) if (opened.has(story.id)) titles.set(story.id, story.title);

  const expectedVersion = rebuilt === undefined ? (version ?? null) : null;
  const replayLimit = options.replayLimit ?? defaultReplayLimit(snapshotArticles);
  const writeSnapshot = expectedVersion === null || clusterer.articleCount - snapshotArticles > replayLimit;
  const saved = await store.saveStoryAssignments(assignments, {
    titles,
    state: { ...(writeSnapshot ? { snapshot: JSON.stringify(clusterer.toJSON()) } : {}), expectedVersion },
    reset: rebuilt !== undefined,
  });
  if (saved.stateVersion !== undefined)
    held.set(store, {
      version: saved.stateVersion,
      settings: settingsKey,
      clusterer,
      snapshotArticles: writeSnapshot ? clusterer.articleCount : snapshotArticles,
    });
  summary.clustered = saved.assigned;
  summary.newStories = saved.created;
  summary.merged = saved.merged;
  summary.stories = await store.countStories();
  return summary;
}

/** One summary for several runs in one command (`ingest --cluster-every`), as if it were one. */
export function combineClusterRuns(runs: readonly ClusterRunSummary[]): ClusterRunSummary {
  const merged = runs.flatMap((r) => r.merged);
  const gone = new Set(merged.map(([story]) => story));
  const combined: ClusterRunSummary = {
    clustered: 0,
    newStories: runs.flatMap((r) => r.newStories).filter((id) => !gone.has(id)),
    joined: 0,
    duplicates: 0,
    noise: 0,
    merged,
    stories: runs.length > 0 ? runs[runs.length - 1].stories : 0,
  };
  for (const r of runs) {
    combined.clustered += r.clustered;
    combined.joined += r.joined;
    combined.duplicates += r.duplicates;
    combined.noise += r.noise;
  }
  const rebuilt = runs.find((r) => r.rebuilt !== undefined)?.rebuilt;
  if (rebuilt !== undefined) combined.rebuilt = rebuilt;
  return combined;
}
