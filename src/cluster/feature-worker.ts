/**
 * Worker thread of FeaturePool: cleans, segments and extracts the clustering features of
 * batches of raw articles. Stateless between batches, so which worker takes a batch never
 * changes its result.
 */
import { workerData } from 'node:worker_threads';
import { prepareArticle } from '../core/prepare.js';
import { serveBatches } from '../core/worker-port.js';
import { FeatureExtractor, type FeatureSettings } from './document-features.js';
import type { FeatureJob } from './feature-pool.js';
import { storyDocument } from './index.js';

const extractor = new FeatureExtractor(workerData as FeatureSettings);

serveBatches(
  ({ raw, id }: FeatureJob) => {
    const article = prepareArticle(raw);
    return extractor.features({ ...storyDocument(article), id: id ?? article.id });
  },
  {
    warmUp: () => prepareArticle({ source: 'warm-up', format: 'txt', body: 'The model is loaded.' }),
    transfer: (features) => features.map((f) => f.signature.buffer as ArrayBuffer),
  },
);
