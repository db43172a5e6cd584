import { afterAll, describe, expect, it } from 'vitest';
import { cleanArticle } from '../clean/index.js';
import { segmentArticle } from '../segment/index.js';
import { articleToRow } from './codec.js';
import { SegmentPool } from './segment-pool.js';

const cleans = [
  'A fire tore through a warehouse in Varnholt on Monday. "We lost everything," the owner, Tobiah Renske, said.',
  'The Ostermoor council voted on Thursday to close two schools.\n\nParents protested outside the U.S.-style town hall.',
  'Sixty firefighters fought the blaze for six hours, brigade chief Ilse Marwick said.',
].map((body, i) => cleanArticle({ source: `t${i}`, format: 'txt', body }));

describe('SegmentPool', () => {
  const pool = new SegmentPool({ workers: 2 });
  afterAll(() => pool.close());

  it('segments a batch across the workers, in order, as this thread would', async () => {
    const pooled = await pool.segment(cleans);
    expect(pooled).toEqual(cleans.map(segmentArticle));
  });

  it('hands the store the encoding made on the worker, the same it would make itself', async () => {
    const [pooled] = await pool.segment(cleans.slice(0, 1));
    if (pooled instanceof Error) throw pooled;
    expect(articleToRow(pooled)).toEqual(articleToRow(segmentArticle(cleans[0])));
  });
});
