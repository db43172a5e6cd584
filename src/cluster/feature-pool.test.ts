import { afterAll, describe, expect, it } from 'vitest';
import { prepareArticle } from '../core/prepare.js';
import type { RawArticle } from '../core/types.js';
import { DEFAULT_CLUSTERER_OPTIONS, FeatureExtractor, FeaturePool, StoryClusterer, storyDocument } from './index.js';

const raw = (body: string, title: string, published: string): RawArticle => ({
  source: 'test',
  format: 'txt',
  body,
  title,
  published,
});

// Two reports of one fire, a copy of the first inside page furniture, and an unrelated story.
const FIRE =
  'A fire tore through a textile warehouse in Varnholt on Monday, injuring four workers, the Varnholt fire brigade said. ' +
  'Brigade chief Ilse Marwick said 60 firefighters fought the blaze on Quarry Lane for six hours. ' +
  'The owner, Tobiah Renske, said the building held 300 tonnes of cotton.';
const JOBS = [
  raw(FIRE, 'Warehouse fire in Varnholt injures four workers', '2026-02-02T08:00:00Z'),
  raw(
    'Four workers were hurt when fire gutted a textile warehouse on Quarry Lane in Varnholt, chief Ilse Marwick said. ' +
      'Sixty firefighters were needed. Owner Tobiah Renske said 300 tonnes of cotton were lost and the cause was unknown.',
    'Four hurt as blaze guts Varnholt textile store',
    '2026-02-02T13:00:00Z',
  ),
  raw(`Share this article.\n\n${FIRE}`, 'Warehouse fire in Varnholt injures four workers', '2026-02-02T14:00:00Z'),
  raw(
    'The Ostermoor council voted on Thursday to close two primary schools by September, its leader Petra Lundqvist said. ' +
      'Parents protested outside the town hall, and the teachers union said 40 jobs were at risk.',
    'Ostermoor council votes to close two schools',
    '2026-02-05T09:00:00Z',
  ),
].map((r, i) => ({ id: `a${i}`, raw: r }));

describe('FeaturePool', () => {
  // Two workers and batches of one, so that consecutive articles are prepared by different threads.
  const pool = new FeaturePool({ workers: 2, batchSize: 1 });
  afterAll(() => pool.close());

  it('gives, in input order, the features one thread would compute', async () => {
    const extractor = new FeatureExtractor(DEFAULT_CLUSTERER_OPTIONS);
    const expected = JOBS.map(({ id, raw: r }) => extractor.features({ ...storyDocument(prepareArticle(r)), id }));
    const got = [];
    for await (const features of pool.features(JOBS)) got.push(features);
    expect(got).toEqual(expected);
  });

  it('leads the clusterer to the same stories as StoryClusterer.add', async () => {
    const direct = new StoryClusterer();
    const kinds = JOBS.map(({ id, raw: r }) => direct.add({ ...storyDocument(prepareArticle(r)), id }).kind);
    const pooled = new StoryClusterer();
    const pooledKinds = [];
    for await (const features of pool.features(JOBS)) pooledKinds.push(pooled.addFeatures(features).kind);
    expect(kinds).toEqual(['new', 'joined', 'duplicate', 'new']);
    expect(pooledKinds).toEqual(kinds);
    expect(pooled.listStories()).toEqual(direct.listStories());
  });

  it('reports an article that cannot be prepared instead of skipping it', async () => {
    const bad = [{ id: 'bad', raw: { source: 'test', format: 'txt', body: 42 } as unknown as RawArticle }];
    const broken = new FeaturePool({ workers: 1 });
    try {
      await expect(async () => {
        for await (const _ of broken.features(bad)) {
          // nothing: the batch fails
        }
      }).rejects.toThrow(/feature worker/);
    } finally {
      await broken.close();
    }
  });
});
