/**
 * How much a finding matters to an editor, and why:
 * - high: words put in someone's mouth — a quote reworded inside the quotation marks, or given to
 *   another speaker. Quotation marks promise the speaker's exact words; breaking that promise is
 *   the error standards desks correct first.
 * - medium: facts shifted — a number, a hedge ("at least" → "more than") or a date changed on the
 *   way, or a wholly-copied version quoting words no earlier version has (a fabrication risk in
 *   rewrites); and independent reports that disagree on the same quantity (a conflict to check,
 *   not proof that either is wrong).
 * - low: a partially-derived version quoting words its sources lack — it may well have done
 *   its own interview.
 */
import type { DerivationClass, FindingType } from '../core/types.js';

export type Severity = 'high' | 'medium' | 'low';

export function severityOf(type: FindingType, derivation?: DerivationClass): Severity {
  switch (type) {
    case 'quote-altered':
    case 'quote-misattributed':
      return 'high';
    case 'quote-unsourced':
      return derivation === 'wholly-derived' ? 'medium' : 'low';
    default:
      return 'medium';
  }
}
