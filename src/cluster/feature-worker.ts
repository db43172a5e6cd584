/**
 * Worker thread of FeaturePool: cleans, segments and extracts the clustering features of
 * batches of raw articles. Stateless between batches, so which worker takes a batch never
 * changes its result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareArticle } from '../core/prepare.js';
import { type DocumentFeatures, FeatureExtractor, type FeatureSettings } from './document-features.js';
import type { FeatureJob } from './feature-pool.js';
import { storyDocument } from './index.js';

export interface FeatureRequest {
  seq: number;
  jobs: FeatureJob[];
}

export type FeatureReply =
  | { seq: number; features: DocumentFeatures[] }
  | { seq: number; error: string }
  | { seq: -1; ready: true };

const port = parentPort;
if (!port) throw new Error('feature-worker.ts runs as a worker thread (see FeaturePool)');
const extractor = new FeatureExtractor(workerData as FeatureSettings);
// Load the NLP model now rather than with the first batch, and say so (FeaturePool.ready).
prepareArticle({ source: 'warm-up', format: 'txt', body: 'The model is loaded.' });
port.postMessage({ seq: -1, ready: true } satisfies FeatureReply);

port.on('message', ({ seq, jobs }: FeatureRequest) => {
  let reply: FeatureReply;
  try {
    const features = jobs.map(({ raw, id }) => {
      const article = prepareArticle(raw);
      return extractor.features({ ...storyDocument(article), id: id ?? article.id });
    });
    reply = { seq, features };
  } catch (error) {
    reply = { seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  const transfer = 'features' in reply ? reply.features.map((f) => f.signature.buffer as ArrayBuffer) : [];
  port.postMessage(reply, transfer);
});
