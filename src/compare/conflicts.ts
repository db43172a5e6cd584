/**
 * Conflicts: independent reports (no derivation path between them) giving the same quantity
 * differently. "The same quantity" needs more than the same noun — "14 people injured" and "11
 * people treated" count different things — so the words around the two numbers must share a
 * content word ("forcing about 1,200 residents from their homes" / "roughly 2,000 residents told
 * to leave their homes": homes). And "different" means the hedged ranges do not meet: "at least
 * 14" and "15" agree, "about 1,200" and "roughly 2,000" do not.
 *
 * Each group of connected versions is represented by its originals (versions not taken from
 * another version in the pile), so a disagreement is reported once, between the originals, not
 * again for every copy.
 */
import type { Finding, NumberMention, Token } from '../core/types.js';
import { hedgeRange } from '../extract/numbers/hedges.js';
import type { Extracted } from './extracted.js';
import { conflictFinding, laterFirst } from './independent.js';

/** Tokens either side of a number that describe what it counts ("injuring", "homes", "evacuated"). */
const CONTEXT_WINDOW = 6;

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN']);
const LIGHT = new Set(['be', 'have', 'say', 'do', 'get', 'make', 'take', 'include', 'people', 'official', 'report']);

function contextLemmas(e: Extracted, n: NumberMention): Set<string> {
  const tokens: Token[] = e.article.sentences[n.sentence]?.tokens ?? [];
  const first = tokens.findIndex((t) => t.span[1] > n.span[0]);
  let last = tokens.findIndex((t) => t.span[0] >= n.span[1]);
  if (last < 0) last = tokens.length;
  const out = new Set<string>();
  for (let i = Math.max(0, first - CONTEXT_WINDOW); i < Math.min(tokens.length, last + CONTEXT_WINDOW); i++) {
    if (i >= first && i < last) continue;
    const t = tokens[i];
    if (CONTENT_POS.has(t.pos) && !LIGHT.has(t.lemma) && t.lemma !== n.noun && !/^\d/.test(t.text)) out.add(t.lemma);
  }
  return out;
}

function rangesMeet(a: NumberMention, b: NumberMention): boolean {
  const [a0, a1] = hedgeRange(a.value, a.hedge);
  const [b0, b1] = hedgeRange(b.value, b.hedge);
  return a0 <= b1 && b0 <= a1;
}

export function conflictFindings(a: Extracted, b: Extracted): Finding[] {
  const [later, earlier] = laterFirst(a, b);
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const n of later.numbers) {
    if (!n.noun || reported.has(n.noun)) continue;
    const ctx = contextLemmas(later, n);
    let best: { m: NumberMention; shared: number } | undefined;
    for (const m of earlier.numbers) {
      if (m.noun !== n.noun) continue;
      const shared = [...contextLemmas(earlier, m)].filter((l) => ctx.has(l)).length;
      if (shared > 0 && (!best || shared > best.shared)) best = { m, shared };
    }
    // The best-matching mention decides: if it agrees, other mentions of the noun are other quantities.
    if (!best || rangesMeet(n, best.m)) continue;
    reported.add(n.noun);
    findings.push(
      conflictFinding(
        later,
        n.span,
        earlier,
        best.m.span,
        (here, there) => `independent reports disagree: '${there}' vs '${here}'`,
      ),
    );
  }
  return findings;
}
