import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanArticle } from '../clean/index.js';
import { publicationOrder, StoryClusterer, storyDocument } from '../cluster/index.js';
import { articleFromText } from '../core/prepare.js';
import type { Article, RawArticle } from '../core/types.js';
import { readInputs } from '../ingest/index.js';
import { segmentArticle } from '../segment/index.js';
import { type ClusterRunSummary, clusterStoredArticles, combineClusterRuns } from './clustering.js';
import type { Store } from './store.js';
import { ClusterStateConflict, type StoryListing } from './stories.js';
import { engines, type OpenedStore } from './test-helpers/engines.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');

const body = (topic: string, n: number) =>
  `${topic} report number ${n}. Officials in Calderwick described the ${topic} on Tuesday and said ` +
  `${n + 10} households were affected. Residents gathered at the town hall to ask questions.`;

const dated = (id: string, day: number, outlet: string, text = body('flood', day)) =>
  articleFromText(text, {
    source: `${id}.txt`,
    title: `${id} headline`,
    published: `2026-03-0${day}T10:00:00Z`,
    outlet,
  });

/** article id → story id, over every current story. */
async function memberships(store: Store): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const story of await store.listStories()) {
    for (const m of await store.storyMembers(story.id)) out.set(m.article, story.id);
  }
  return out;
}

const withoutTimes = (list: StoryListing[]) => list.map(({ updatedAt: _, ...rest }) => rest);

describe.each(engines)('stories in the store on $name', ({ open }) => {
  const opened: OpenedStore[] = [];
  const freshOpened = async () => {
    const o = await open();
    opened.push(o);
    return o;
  };
  const fresh = async () => (await freshOpened()).store;
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.dispose();
  });

  let corpus: Article[];
  beforeAll(async () => {
    corpus = [];
    for await (const item of readInputs([examples])) {
      if ('format' in item) corpus.push(segmentArticle(cleanArticle(item as RawArticle)));
    }
    // Copies in several files are one stored article; keep one of each, as the store would.
    corpus = [...new Map(corpus.map((a) => [a.id, a])).values()].sort(publicationOrder);
  });

  it('saves assignments, summarises stories, and follows merges', async () => {
    const store = await fresh();
    const a1 = dated('a1', 1, 'Outlet A');
    const a2 = dated('a2', 2, 'Outlet B');
    const a3 = dated('a3', 3, 'Outlet C', `${a1.text}\n\nShare this article.`);
    const b1 = dated('b1', 5, 'Outlet A', body('fire', 5));
    const c1 = dated('c1', 6, 'Outlet D');
    const undated = articleFromText(body('storm', 9), { source: 'undated.txt', title: 'Storm' });
    await store.saveArticles([a1, a2, a3, b1, c1, undated]);

    const first = await store.saveStoryAssignments(
      [
        { article: a1.id, story: 'story-a', kind: 'new', similarity: 0, merged: [] },
        { article: a2.id, story: 'story-a', kind: 'joined', similarity: 0.61, merged: [] },
        { article: a3.id, story: 'story-a', kind: 'duplicate', duplicateOf: a1.id, similarity: 1, merged: [] },
        { article: b1.id, story: 'story-b', kind: 'new', similarity: 0, merged: [] },
        { article: undated.id, story: 'story-u', kind: 'new', similarity: 0, merged: [] },
      ],
      { titles: new Map([['story-a', 'Flood in Calderwick']]) },
    );
    expect(first).toEqual({ created: ['story-a', 'story-b', 'story-u'], merged: [], assigned: 5 });

    const list = await store.listStories();
    expect(list.map((s) => s.id)).toEqual(['story-b', 'story-a', 'story-u']);
    expect(list[1]).toMatchObject({
      id: 'story-a',
      title: 'Flood in Calderwick',
      size: 3,
      duplicates: 1,
      outlets: ['Outlet A', 'Outlet B', 'Outlet C'],
      firstPublished: '2026-03-01T10:00:00.000Z',
      lastPublished: '2026-03-03T10:00:00.000Z',
    });
    // Without a given title, a story is named after its opening article.
    expect(list[0]).toMatchObject({ title: 'b1 headline', size: 1, outlets: ['Outlet A'] });
    expect(list[2].firstPublished).toBeUndefined();

    expect(await store.storyArticles('story-a')).toEqual([a1, a2, a3]);
    expect(await store.storyOfArticle(a3.id)).toEqual({
      article: a3.id,
      story: 'story-a',
      kind: 'duplicate',
      duplicateOf: a1.id,
      similarity: 1,
      position: 2,
    });
    expect(await store.unclusteredArticles()).toEqual([{ id: c1.id, published: c1.published }]);

    // c1 joins story-a and shows that story-b was the same story all along.
    const second = await store.saveStoryAssignments([
      { article: c1.id, story: 'story-a', kind: 'joined', similarity: 0.7, merged: ['story-b'] },
    ]);
    expect(second).toEqual({ created: [], merged: [['story-b', 'story-a']], assigned: 1 });
    expect((await store.listStories()).map((s) => s.id)).toEqual(['story-a', 'story-u']);
    expect(await store.getStory('story-b')).toMatchObject({
      id: 'story-a',
      size: 5,
      outlets: ['Outlet A', 'Outlet B', 'Outlet C', 'Outlet D'],
      lastPublished: '2026-03-06T10:00:00.000Z',
    });
    expect((await store.storyArticles('story-b')).map((a) => a.id)).toEqual([a1, a2, a3, b1, c1].map((a) => a.id));
    expect((await store.storyOfArticle(b1.id))?.story).toBe('story-a');
    expect(await store.countStories()).toBe(2);
    expect(await store.resolveStoryId('story-')).toEqual(['story-a', 'story-b', 'story-u']);
    expect(await store.resolveStoryId('u')).toEqual(['story-u']);
    expect(await store.resolveStoryId('%')).toEqual([]);
    expect(await store.getStory('story-zzz')).toBeUndefined();
    expect(await store.storyArticles('story-zzz')).toEqual([]);
  });

  it('follows chains of merges across batches and within one batch', async () => {
    const store = await fresh();
    const arts = [1, 2, 3, 4, 5, 6].map((d) => dated(`m${d}`, d, `Outlet ${d}`, body(`event ${d}`, d)));
    await store.saveArticles(arts);
    const [a, b, c, d, e, f] = arts.map((x) => x.id);
    const opened = (article: string, story: string) => ({ article, story, kind: 'new', similarity: 0, merged: [] });
    await store.saveStoryAssignments([opened(a, 's-a'), opened(b, 's-b'), opened(c, 's-c')]);
    // One batch: d merges s-c into s-b, then e merges s-b into s-a; f opens a story that f itself
    // does not keep (it is merged into s-a within the same batch).
    const result = await store.saveStoryAssignments([
      { article: d, story: 's-b', kind: 'joined', similarity: 0.5, merged: ['s-c'] },
      opened(f, 's-f'),
      { article: e, story: 's-a', kind: 'joined', similarity: 0.6, merged: ['s-b', 's-f'] },
    ]);
    expect(result.created).toEqual([]);
    expect(new Map(result.merged)).toEqual(
      new Map([
        ['s-c', 's-a'],
        ['s-b', 's-a'],
        ['s-f', 's-a'],
      ]),
    );
    expect(await store.listStories()).toMatchObject([{ id: 's-a', size: 6 }]);
    for (const id of ['s-b', 's-c', 's-f']) expect((await store.getStory(id))?.id).toBe('s-a');
    expect((await store.storyArticles('s-c')).map((x) => x.id)).toEqual(arts.map((x) => x.id));
    const rows = await store.db.selectFrom('stories').select(['id', 'merged_into', 'size']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 's-a', merged_into: null, size: 6 },
      { id: 's-b', merged_into: 's-a', size: 0 },
      { id: 's-c', merged_into: 's-a', size: 0 },
      { id: 's-f', merged_into: 's-a', size: 0 },
    ]);
  });

  it('saves the clusterer state with optimistic versions: a stale writer fails and writes nothing', async () => {
    const store = await fresh();
    const [a, b, c] = [dated('a', 1, 'X'), dated('b', 2, 'Y'), dated('c', 3, 'Z')];
    await store.saveArticles([a, b, c]);
    const assign = (id: string) => [{ article: id, story: `story-${id}`, kind: 'new', similarity: 0, merged: [] }];
    await store.saveStoryAssignments(assign(a.id), { state: { snapshot: 'one', expectedVersion: null } });
    expect(await store.loadClusterState()).toEqual({ version: 1, articles: 1, snapshot: 'one' });
    await expect(
      store.saveStoryAssignments(assign(b.id), { state: { snapshot: 'stale', expectedVersion: null } }),
    ).rejects.toBeInstanceOf(ClusterStateConflict);
    await store.saveStoryAssignments(assign(b.id), { state: { snapshot: 'two', expectedVersion: 1 } });
    await expect(
      store.saveStoryAssignments(assign(c.id), { state: { snapshot: 'stale', expectedVersion: 1 } }),
    ).rejects.toBeInstanceOf(ClusterStateConflict);
    expect(await store.loadClusterState()).toEqual({ version: 2, articles: 2, snapshot: 'two' });
    expect(await store.storyOfArticle(c.id)).toBeUndefined();
    expect(await store.countStories()).toBe(2);
  });

  it('clusters stored articles incrementally: two runs split by date give what one stream gives', async () => {
    // The reference: one StoryClusterer over the whole corpus in publication order.
    const reference = new StoryClusterer();
    for (const a of corpus) reference.add(storyDocument(a));
    const expected = new Map(corpus.map((a) => [a.id, reference.storyOf(a.id) as string]));

    const once = await fresh();
    await once.saveArticles(corpus);
    const all = await clusterStoredArticles(once);
    expect(all.clustered).toBe(corpus.length);
    expect(all.newStories.length).toBe(all.stories);
    expect(all.rebuilt).toBeUndefined();
    expect(await memberships(once)).toEqual(expected);
    expect(all.stories).toBe(reference.listStories().length);
    expect(all.stories).toBeLessThan(corpus.length);

    const twice = await fresh();
    const cut = Math.floor(corpus.length / 2);
    await twice.saveArticles(corpus.slice(0, cut));
    const early = await clusterStoredArticles(twice, { chunkSize: 3 });
    expect(early.clustered).toBe(cut);
    await twice.saveArticles(corpus.slice(cut));
    const late = await clusterStoredArticles(twice, { chunkSize: 3 });
    expect(late.clustered).toBe(corpus.length - cut);
    expect(await memberships(twice)).toEqual(expected);
    expect(withoutTimes(await twice.listStories())).toEqual(withoutTimes(await once.listStories()));
  });

  it('logs small runs instead of rewriting the snapshot, and another process replays the log exactly', async () => {
    const handle = await freshOpened();
    const store = handle.store;
    const third = Math.floor(corpus.length / 3);
    await store.saveArticles(corpus.slice(0, third));
    await clusterStoredArticles(store);
    const first = await store.loadClusterState();
    expect(first).toMatchObject({ version: 1, articles: third });

    // A small run: its memberships are the log; the snapshot stays as the first run wrote it.
    await store.saveArticles(corpus.slice(third, 2 * third));
    await clusterStoredArticles(store);
    expect(await store.loadClusterState()).toEqual({ ...first, version: 2, articles: 2 * third });

    // Another process has no clusterer in hand: it restores the snapshot and replays the log.
    const other = await handle.reopen();
    await other.saveArticles(corpus.slice(2 * third));
    const late = await clusterStoredArticles(other, { replayLimit: 0 });
    expect(late.clustered).toBe(corpus.length - 2 * third);
    expect(late.rebuilt).toBeUndefined();
    const reference = new StoryClusterer();
    for (const a of corpus) reference.add(storyDocument(a));
    expect(await memberships(other)).toEqual(new Map(corpus.map((a) => [a.id, reference.storyOf(a.id) as string])));
    // With replayLimit 0 it wrote a snapshot: the very state one stream through the clusterer gives.
    expect((await other.loadClusterState())?.snapshot).toBe(JSON.stringify(reference.toJSON()));

    // The first process's clusterer is out of date now: it reads the saved state, not its own.
    const note = articleFromText('Notice\n\nClosed today.', { source: 'note.txt', published: '2030-01-01' });
    await store.saveArticles([note]);
    const noted = await clusterStoredArticles(store);
    expect(noted.clustered).toBe(1);
    expect(noted.rebuilt).toBeUndefined();
    reference.add(storyDocument(note));
    expect((await memberships(store)).get(note.id)).toBe(reference.storyOf(note.id));

    // A log that does not replay to the stored stories is found, and the stories are rebuilt.
    const [logged] = await store.membershipsBetween(corpus.length, corpus.length + 1);
    await store.db
      .updateTable('story_articles')
      .set({ story_id: (await store.listStories()).find((x) => x.id !== logged.story)?.id as string })
      .where('article_id', '=', logged.article)
      .execute();
    await other.saveArticles([articleFromText('Notice\n\nOpen again.', { source: 'n2.txt', published: '2030-01-02' })]);
    expect((await clusterStoredArticles(other)).rebuilt).toMatch(/replaying its log/);
  });

  it('gives the same stories whatever order the files were read in, and survives two ingests racing', async () => {
    const reference = await fresh();
    await reference.saveArticles(corpus);
    await clusterStoredArticles(reference);
    const expected = await memberships(reference);

    const reversed = await fresh();
    await reversed.saveArticles([...corpus].reverse());
    await clusterStoredArticles(reversed);
    expect(await memberships(reversed)).toEqual(expected);

    // Two runs over one store at once: one saves first, the other finds its state stale, reloads
    // and has nothing left to do; no article is placed twice, and nothing is rebuilt. Five times:
    // the other run's commit can land at any point of a run's reads (it once fell between
    // reading the memberships and reading the state, and the second run rebuilt every story).
    for (let race = 0; race < 5; race++) {
      const raced = await fresh();
      await raced.saveArticles(corpus);
      const runs = await Promise.all([clusterStoredArticles(raced), clusterStoredArticles(raced)]);
      expect(runs.map((r) => r.clustered).sort((a, b) => a - b)).toEqual([0, corpus.length]);
      expect(runs.map((r) => r.rebuilt)).toEqual([undefined, undefined]);
      expect(await memberships(raced)).toEqual(expected);
      expect((await raced.loadClusterState())?.version).toBe(1);
    }
  });

  it('is idempotent: the same articles again change nothing, and a broken state is rebuilt', async () => {
    const handle = await freshOpened();
    const store = handle.store;
    await store.saveArticles(corpus);
    await clusterStoredArticles(store);
    const before = await memberships(store);
    const listing = await store.listStories();
    const state = await store.loadClusterState();

    await store.saveArticles(corpus);
    const again = await clusterStoredArticles(store);
    expect(again).toMatchObject({ clustered: 0, newStories: [], merged: [], stories: listing.length });
    expect(await store.listStories()).toEqual(listing);
    expect(await store.loadClusterState()).toEqual(state);

    // A broken state is found when new articles come to a process that reads it (this one holds
    // the clusterer it saved): everything is placed again from scratch, which gives what one
    // stream would (the newcomer, a page without content, stays alone).
    await store.db.updateTable('cluster_state').set({ snapshot: '{"format":-1}' }).execute();
    expect((await clusterStoredArticles(store)).clustered).toBe(0);
    const note = articleFromText('Notice\n\nClosed today.', { source: 'note.txt', published: '2030-01-01' });
    await store.saveArticles([note]);
    const rebuilt = await clusterStoredArticles(await handle.reopen());
    expect(rebuilt.rebuilt).toMatch(/format/);
    expect(rebuilt.clustered).toBe(corpus.length + 1);
    expect(rebuilt.newStories).toHaveLength(listing.length + 1);
    const after = await memberships(store);
    expect(after.get(note.id)).toBe(`story-${note.id}`);
    after.delete(note.id);
    expect(after).toEqual(before);

    // Other settings (an upgrade retuned the clusterer): the stories are redone under them.
    const later = articleFromText('Notice\n\nOpen again.', { source: 'note2.txt', published: '2030-01-02' });
    await store.saveArticles([later]);
    const retuned = await clusterStoredArticles(store, { clusterer: { threshold: 0.99 } });
    expect(retuned.rebuilt).toMatch(/settings/);
    expect(retuned.clustered).toBe(corpus.length + 2);
    expect(retuned.stories).toBeGreaterThanOrEqual(listing.length + 2);
    await store.saveArticles([articleFromText('Notice\n\nShut.', { source: 'note3.txt' })]);
    expect((await clusterStoredArticles(store, { clusterer: { threshold: 0.99 } })).rebuilt).toBeUndefined();
  });
});

describe('combineClusterRuns', () => {
  it('adds up runs and drops new stories a later run merged away', () => {
    const run = (over: Partial<ClusterRunSummary>): ClusterRunSummary => ({
      clustered: 0,
      newStories: [],
      joined: 0,
      duplicates: 0,
      noise: 0,
      merged: [],
      stories: 0,
      ...over,
    });
    const combined = combineClusterRuns([
      run({ clustered: 3, newStories: ['s1', 's2'], joined: 1, stories: 2 }),
      run({ clustered: 2, newStories: ['s3'], duplicates: 1, noise: 1, merged: [['s2', 's1']], stories: 2 }),
    ]);
    expect(combined).toEqual(
      run({
        clustered: 5,
        newStories: ['s1', 's3'],
        joined: 1,
        duplicates: 1,
        noise: 1,
        merged: [['s2', 's1']],
        stories: 2,
      }),
    );
  });
});
