/**
 * What the story clusterer reads of one article that does not depend on the articles before it:
 * term counts, the content measures that flag noise pages, and the near-duplicate signature.
 * StoryClusterer.add computes these itself; a stream can instead compute them ahead, in worker
 * threads (feature-pool.ts), and hand them to addFeatures, leaving only the work that needs the
 * stream's state (IDF, candidate stories, the LSH index) to the thread that clusters.
 */
import { DEFAULT_DUPLICATE_OPTIONS, type DuplicateOptions, textSignature } from './duplicates.js';
import { contentTokenCount, countTerms, titleSupport } from './features.js';
import { MinHash } from './minhash.js';
import type { StoryDocument } from './story-clusterer.js';

export interface DocumentFeatures {
  id: string;
  published?: string;
  title?: string;
  /** The first line of the text (up to 120 characters): a story's title when the article has none. */
  leadLine: string;
  contentHash?: string;
  /** Tokens that carry content (see contentTokenCount). */
  contentTokens: number;
  /** Share of the headline's words found in the body (see titleSupport). */
  titleSupport?: number;
  /** Distinct terms in first-occurrence order, and their counts (see countTerms). */
  terms: string[];
  counts: number[];
  /** MinHash signature of the text's word shingles. */
  signature: Uint32Array;
}

/** The settings the features depend on; they must match the clusterer's that reads them. */
export interface FeatureSettings {
  ledeTokens: number;
  duplicates: DuplicateOptions;
}

export class FeatureExtractor {
  private readonly ledeTokens: number;
  private readonly shingleSize: number;
  private readonly minhash: MinHash;

  constructor(settings: FeatureSettings) {
    const duplicates = { ...DEFAULT_DUPLICATE_OPTIONS, ...settings.duplicates };
    this.ledeTokens = settings.ledeTokens;
    this.shingleSize = duplicates.shingleSize;
    this.minhash = new MinHash({ numPerm: duplicates.numPerm, seed: duplicates.seed });
  }

  features(doc: StoryDocument): DocumentFeatures {
    const counted = countTerms(doc.tokens, doc.title, this.ledeTokens, doc.published);
    const features: DocumentFeatures = {
      id: doc.id,
      leadLine: doc.text.slice(0, 120).split('\n')[0],
      contentTokens: contentTokenCount(doc.tokens),
      terms: [...counted.keys()],
      counts: [...counted.values()],
      signature: textSignature(this.minhash, doc.text, this.shingleSize),
    };
    // Absent rather than undefined: features cross threads by structured clone, and compare equal
    // whichever way they were made.
    if (doc.published !== undefined) features.published = doc.published;
    if (doc.title !== undefined) features.title = doc.title;
    if (doc.contentHash !== undefined) features.contentHash = doc.contentHash;
    const support = titleSupport(doc.title, doc.tokens);
    if (support !== undefined) features.titleSupport = support;
    return features;
  }
}
