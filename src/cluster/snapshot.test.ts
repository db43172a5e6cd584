import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanArticle } from '../clean/index.js';
import type { Article, RawArticle } from '../core/types.js';
import { readInputs } from '../ingest/index.js';
import { segmentArticle } from '../segment/index.js';
import { publicationOrder, type StoryAssignment, StoryClusterer, storyDocument } from './index.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');

/** An assignment as data, so that results from two clusterers compare by value. */
function plain(a: StoryAssignment) {
  return JSON.parse(JSON.stringify(a)) as StoryAssignment;
}

describe('StoryClusterer snapshots', () => {
  let articles: Article[];
  beforeAll(async () => {
    articles = [];
    for await (const item of readInputs([examples])) {
      if (!('format' in item)) continue;
      articles.push(segmentArticle(cleanArticle(item as RawArticle)));
    }
    articles.sort(publicationOrder);
  });

  it('continues after a JSON round trip exactly as if it had never stopped', () => {
    expect(articles.length).toBeGreaterThan(8);
    const whole = new StoryClusterer();
    const expected = articles.map((a) => plain(whole.add(storyDocument(a))));

    for (const cut of [1, Math.floor(articles.length / 2), articles.length - 1]) {
      const first = new StoryClusterer();
      const got = articles.slice(0, cut).map((a) => plain(first.add(storyDocument(a))));
      const text = JSON.stringify(first.toJSON());
      const second = StoryClusterer.fromJSON(JSON.parse(text));
      got.push(...articles.slice(cut).map((a) => plain(second.add(storyDocument(a)))));
      expect(got).toEqual(expected);
      expect(second.listStories()).toEqual(whole.listStories());
      expect(second.toJSON()).toEqual(whole.toJSON());
      for (const a of articles) expect(second.storyOf(a.id)).toBe(whole.storyOf(a.id));
    }
  });

  it('keeps copies and centroids: a restored clusterer still recognises a copy and its story', () => {
    const clusterer = new StoryClusterer();
    for (const a of articles) clusterer.add(storyDocument(a));
    const restored = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(clusterer)));
    const original = articles[articles.length - 1];
    const copy = { ...storyDocument(original), id: 'copy-of-last' };
    const assignment = restored.add(copy);
    expect(assignment.kind).toBe('duplicate');
    expect(assignment.story).toBe(clusterer.storyOf(original.id));
  });

  it('refuses a snapshot made with other near-duplicate settings', () => {
    const clusterer = new StoryClusterer();
    clusterer.add(storyDocument(articles[0]));
    const snapshot = JSON.parse(JSON.stringify(clusterer));
    expect(() => StoryClusterer.fromJSON(snapshot, { duplicates: { numPerm: 64 } })).toThrow(/numPerm/);
    expect(() => StoryClusterer.fromJSON({ ...snapshot, format: 0 })).toThrow(/format/);
  });
});
