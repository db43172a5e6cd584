import type { InputError, RawArticle } from '../core/types.js';

/** What readers yield: an article, or a refusal naming the input and the reason. */
export type ReadResult = RawArticle | InputError;

export function isInputError(result: ReadResult): result is InputError {
  return 'reason' in result && !('body' in result);
}

export function inputError(source: string, reason: string): InputError {
  return { source, reason };
}
