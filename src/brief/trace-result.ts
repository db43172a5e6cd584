import type { Alignment, ProvenanceGraph } from '../core/types.js';

/**
 * What `trace` returns (src/trace): the provenance graph plus the sentence alignments of the pairs
 * it judged. Declared here as the contract says it, so that the brief does not depend on the
 * trace stage's internals.
 */
export type TraceResult = ProvenanceGraph & { alignments: Alignment[] };
