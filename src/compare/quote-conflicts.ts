/**
 * Quote conflicts: independent reports that put different words inside the quotation marks for
 * the same speaker's same statement. Reports from one press conference or one wire translation
 * should agree word for word; when one has "a reckless and cruel decision" and the other "a
 * reckless and heartless decision", at least one of them is not the speaker's exact words. Which
 * one cannot be told without the original, so this is a conflict to check, not a misquote.
 *
 * Only word substitutions count: one report quoting more or less of the statement than the other
 * (a partial or trimmed quote) is normal practice, not a disagreement.
 */
import type { Finding, QuoteMention } from '../core/types.js';
import type { Extracted } from './extracted.js';
import { conflictFinding, laterFirst } from './independent.js';
import { quoteEdits } from './quote-diff.js';
import { isFaithful, lcs, quoteSegments } from './quote-words.js';
import { quoteExtent } from './spans.js';
import { compareSpeakers, isPersonName } from './speakers.js';

/** Words both quotes must share, in order, before they count as one statement. */
const MIN_SHARED_WORDS = 4;
/** Share of the shorter quote's words that must be shared, in order. */
const MIN_SHARED_SHARE = 0.75;

function keys(text: string): string[] {
  return quoteSegments(text)
    .flat()
    .map((w) => w.key);
}

interface Candidate {
  quote: QuoteMention;
  shared: number;
}

/** The other report's quote of the same statement by the same speaker, unless one report quotes the other faithfully. */
function counterpart(q: QuoteMention, other: Extracted): Candidate | 'agrees' | undefined {
  const a = keys(q.text);
  let best: Candidate | undefined;
  for (const sq of other.quotes) {
    // An unresolved speaker ("a translation of his interview") may still be the same person;
    // the words shared in order decide then.
    if (compareSpeakers(q.speaker, sq.speaker) === 'different') continue;
    if (isFaithful(q.text, sq.text) || isFaithful(sq.text, q.text)) return 'agrees';
    const b = keys(sq.text);
    const shared = lcs(a, b);
    if (shared < MIN_SHARED_WORDS || shared / Math.min(a.length, b.length) < MIN_SHARED_SHARE) continue;
    if (!best || shared > best.shared) best = { quote: sq, shared };
  }
  return best;
}

export function quoteConflictFindings(a: Extracted, b: Extracted): Finding[] {
  const [later, earlier] = laterFirst(a, b);
  const findings: Finding[] = [];
  for (const q of later.quotes) {
    const match = counterpart(q, earlier);
    if (!match || match === 'agrees') continue;
    const substitutions = quoteEdits(match.quote.text, q.text).filter((e) => e.removed && e.added);
    if (substitutions.length === 0) continue;
    const who =
      [q.speaker, match.quote.speaker].find(isPersonName) ?? q.speaker ?? match.quote.speaker ?? 'the speaker';
    const changes = substitutions.map((e) => `'${e.removed}' vs '${e.added}'`).join('; ');
    findings.push(
      conflictFinding(
        later,
        quoteExtent(q.spans),
        earlier,
        quoteExtent(match.quote.spans),
        () => `independent reports quote ${who} differently: ${changes}`,
        { speaker: q.speaker, sourceSpeaker: match.quote.speaker },
      ),
    );
  }
  return findings;
}
