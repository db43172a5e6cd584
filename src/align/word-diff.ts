import { diffWords } from 'diff';

/** One run of a word diff: text kept in both, only in the source (removed) or only in the target (added). */
export interface WordEdit {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * Word-level edits turning `source` into `target` (the `diff` package's word diff), for showing
 * what an edited sentence changed: "knows, [-because-] {+as+} we’ve told".
 */
export function wordDiff(source: string, target: string): WordEdit[] {
  return diffWords(source, target).map((change) => ({
    op: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}
