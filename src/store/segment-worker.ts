/**
 * Worker thread of SegmentPool: each text's paragraphs, and its sentences (with tokens) in the
 * store's encoding, or why it could not be segmented. One article's failure does not fail its
 * batch.
 */

import type { Span } from '../core/types.js';
import { serveBatches } from '../core/worker-port.js';
import { segmentText } from '../segment/index.js';
import { encodeSentences } from './codec.js';

export type SegmentResult = { paragraphs: Span[]; sentences: string } | { error: string };

serveBatches(
  (text: string): SegmentResult => {
    try {
      const { paragraphs, sentences } = segmentText(text);
      return { paragraphs, sentences: encodeSentences(text, sentences) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  },
  { warmUp: () => segmentText('The model is loaded.') },
);
