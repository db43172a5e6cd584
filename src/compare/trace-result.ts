import type { Alignment, ProvenanceGraph } from '../core/types.js';

/**
 * What `trace` (src/trace) returns, as the team contract states it: the provenance graph plus
 * the sentence alignments of the pairs it judged. Declared structurally so that compare depends
 * on the contract, not on the trace stage's internals.
 */
export type TraceResult = ProvenanceGraph & { alignments: Alignment[] };
