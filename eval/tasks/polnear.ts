/**
 * PolNeAR (political news, every attribution annotated in brat standoff): direct-quote
 * extraction and speaker attribution, scored as BBC's Citron scores PARC 3.0.
 *
 * - Gold direct quotes: the parts of annotated Content spans that lie inside quotation marks
 *   (the corpus README's definition). Each attribution (`E` line) with such a part is one gold quote,
 *   its `Source` span the gold speaker span.
 * - quoteF1: Citron's content *overlap* metric — precision = predicted quote tokens that fall in
 *   gold quote tokens / predicted quote tokens; recall = the same overlap / gold quote tokens.
 *   Tokens are runs of letters and digits (quotation marks and punctuation are not counted, so
 *   whether a system includes the marks does not move the score).
 * - speakerF1: Citron's source *exact* metric — a predicted quote scores when its speaker span
 *   equals, character for character, the Source span of a gold quote it overlaps; recall counts
 *   gold quotes with a Source that some overlapping prediction got exactly.
 * - Articles annotated twice: the annotation file of the alphabetically first annotator id is
 *   used, for every article alike.
 * - Speakers are scored as spans, so the extractor runs without resolving them to names (the
 *   named-entity pass behind that was most of the run time and moves no figure here).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { toOriginalSpan } from '../../src/core/offsets.js';
import { articleFromText } from '../../src/core/prepare.js';
import type { Span } from '../../src/core/types.js';
import { extractQuotes } from '../../src/extract/quotes/index.js';
import type { EvalTask } from '../task.js';

interface BratSpanSet {
  type: string;
  spans: Span[];
}

export interface GoldQuote {
  /** Character ranges of quoted words (inside marks and inside the Content span). */
  quoted: Span[];
  source?: Span[];
}

/** brat standoff: `T<n>\t<Type> <s> <e>[;<s> <e>]\t<text>` and `E<n>\tAttribution:T1 Content:T2 …`. Span text may run over lines. */
export function parseBrat(ann: string): { t: Map<string, BratSpanSet>; e: Record<string, string>[] } {
  const t = new Map<string, BratSpanSet>();
  const e: Record<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 2) continue;
    if (/^T\d+$/.test(cols[0])) {
      const space = cols[1].indexOf(' ');
      const type = cols[1].slice(0, space);
      const spans = cols[1]
        .slice(space + 1)
        .split(';')
        .map((p) => p.trim().split(/\s+/).map(Number) as unknown as Span);
      if (spans.every((s) => Number.isFinite(s[0]) && Number.isFinite(s[1]))) t.set(cols[0], { type, spans });
    } else if (/^E\d+$/.test(cols[0])) {
      e.push(
        Object.fromEntries(
          cols[1]
            .trim()
            .split(/\s+/)
            .map((a) => a.split(':') as [string, string]),
        ),
      );
    }
  }
  return { t, e };
}

/**
 * Quotation-mark regions of a text, paragraph by paragraph, independent of the extractor under
 * test: curly marks by glyph, straight marks alternating within a paragraph.
 */
export function quotedRegions(text: string): Span[] {
  const regions: Span[] = [];
  for (const para of text.split(/(\n)/).reduce<{ start: number; text: string }[]>((acc, piece) => {
    const start = acc.length ? acc[acc.length - 1].start + acc[acc.length - 1].text.length : 0;
    acc.push({ start, text: piece });
    return acc;
  }, [])) {
    let open = -1;
    for (let i = 0; i < para.text.length; i++) {
      const c = para.text[i];
      const at = para.start + i;
      if (c === '“' || c === '«' || c === '„') open = at;
      else if ((c === '”' || c === '»') && open >= 0) {
        regions.push([open + 1, at]);
        open = -1;
      } else if (c === '"') {
        if (open >= 0) {
          regions.push([open + 1, at]);
          open = -1;
        } else open = at;
      }
    }
    if (open >= 0) regions.push([open + 1, para.start + para.text.length]);
  }
  return regions;
}

function intersect(a: Span, b: Span): Span | undefined {
  const s = Math.max(a[0], b[0]);
  const e = Math.min(a[1], b[1]);
  return e > s ? [s, e] : undefined;
}

export function goldQuotes(text: string, ann: string): GoldQuote[] {
  const { t, e } = parseBrat(ann);
  const regions = quotedRegions(text);
  const out: GoldQuote[] = [];
  for (const rel of e) {
    const content = rel.Content ? t.get(rel.Content) : undefined;
    if (!content) continue;
    const quoted: Span[] = [];
    for (const c of content.spans)
      for (const r of regions) {
        const x = intersect(c, r);
        if (x && /[\p{L}\p{N}]/u.test(text.slice(x[0], x[1]))) quoted.push(x);
      }
    if (quoted.length === 0) continue;
    const source = rel.Source ? t.get(rel.Source)?.spans : undefined;
    out.push({ quoted, source });
  }
  return out;
}

/** Start offsets of the word tokens (letters/digits runs) inside the spans. */
function wordTokens(text: string, spans: readonly Span[]): Set<number> {
  const out = new Set<number>();
  for (const [s, e] of spans) for (const m of text.slice(s, e).matchAll(/[\p{L}\p{N}]+/gu)) out.add(s + (m.index ?? 0));
  return out;
}

const overlaps = (a: readonly Span[], b: readonly Span[]) => a.some((x) => b.some((y) => intersect(x, y)));
const sameSpans = (a: Span, b: readonly Span[] | undefined) => b?.length === 1 && b[0][0] === a[0] && b[0][1] === a[1];

export interface PredictedQuote {
  spans: Span[];
  speakerSpan?: Span;
}

/**
 * Offsets of the NFC form of `text` mapped back to `text`: ingest composes characters ("A" +
 * combining tilde → "Ã"), so the article's original is shorter than the file wherever the file
 * holds decomposed characters, and the gold offsets count the file's characters.
 */
export function nfcOffsetMap(text: string): (offset: number) => number {
  if (text.normalize('NFC') === text) return (o) => o;
  const starts: number[] = [];
  let nfc = 0;
  // A base character and the combining marks after it compose (or not) on their own.
  for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const at = m.index ?? 0;
    const composed = m[0].normalize('NFC').length;
    for (let k = 0; k < composed; k++) starts[nfc + k] = at + Math.min(k, m[0].length - 1);
    nfc += composed;
  }
  starts[nfc] = text.length;
  return (o) => starts[Math.min(Math.max(o, 0), nfc)];
}

export function predictQuotes(text: string): PredictedQuote[] {
  const article = articleFromText(text);
  const toFile = nfcOffsetMap(text);
  const map = (s: Span): Span => {
    const [a, b] = toOriginalSpan(article, s);
    return [toFile(a), b > a ? toFile(b - 1) + 1 : toFile(a)];
  };
  return extractQuotes(article, { resolveNames: false }).map((q) => ({
    spans: q.spans.map(map),
    speakerSpan: q.speakerSpan ? map(q.speakerSpan) : undefined,
  }));
}

export interface Counts {
  overlap: number;
  predictedTokens: number;
  goldTokens: number;
  speakerTp: number;
  speakerPredicted: number;
  speakerFound: number;
  speakerGold: number;
  gold: number;
}

export function emptyCounts(): Counts {
  return {
    overlap: 0,
    predictedTokens: 0,
    goldTokens: 0,
    speakerTp: 0,
    speakerPredicted: 0,
    speakerFound: 0,
    speakerGold: 0,
    gold: 0,
  };
}

export function score(text: string, gold: GoldQuote[], predicted: PredictedQuote[], c: Counts): void {
  const g = wordTokens(
    text,
    gold.flatMap((q) => q.quoted),
  );
  const p = wordTokens(
    text,
    predicted.flatMap((q) => q.spans),
  );
  c.goldTokens += g.size;
  c.predictedTokens += p.size;
  for (const x of p) if (g.has(x)) c.overlap++;
  c.gold += gold.length;
  for (const q of predicted) {
    if (!q.speakerSpan) continue;
    c.speakerPredicted++;
    const span = q.speakerSpan;
    if (gold.some((gq) => overlaps(gq.quoted, q.spans) && sameSpans(span, gq.source))) c.speakerTp++;
  }
  for (const gq of gold) {
    if (!gq.source) continue;
    c.speakerGold++;
    if (predicted.some((q) => q.speakerSpan && overlaps(gq.quoted, q.spans) && sameSpans(q.speakerSpan, gq.source)))
      c.speakerFound++;
  }
}

/** Every split folder (train, dev, test, …) with its text/ and attributions/ pair. */
export async function polnearDocuments(root: string): Promise<{ id: string; textPath: string; annPath: string }[]> {
  const docs: { id: string; textPath: string; annPath: string }[] = [];
  for (const split of (await readdir(root, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const annDir = path.join(root, split, 'attributions');
    const textDir = path.join(root, split, 'text');
    let anns: string[];
    try {
      anns = (await readdir(annDir)).filter((f) => f.endsWith('.ann')).sort();
    } catch {
      continue;
    }
    const chosen = new Map<string, string>();
    for (const f of anns) {
      const m = f.match(/^(.*)_([0-9a-f]+)\.ann$/);
      if (!m) continue;
      if (!chosen.has(m[1])) chosen.set(m[1], f); // sorted: the alphabetically first annotator
    }
    for (const [id, f] of chosen)
      docs.push({ id: `${split}/${id}`, textPath: path.join(textDir, `${id}.txt`), annPath: path.join(annDir, f) });
  }
  return docs;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

const task: EvalTask = {
  name: 'polnear',
  description: 'direct quotes and their speaker spans on PolNeAR (Citron overlap/exact scoring)',
  async run({ dataDir, limit, log }) {
    const root = path.join(dataDir, 'polnear');
    let docs = await polnearDocuments(root);
    if (limit !== undefined) docs = docs.slice(0, limit);
    const c = emptyCounts();
    let failed = 0;
    for (const doc of docs) {
      try {
        const text = await readFile(doc.textPath, 'utf8');
        const ann = await readFile(doc.annPath, 'utf8');
        score(text, goldQuotes(text, ann), predictQuotes(text), c);
      } catch (error) {
        failed++;
        log(`  polnear: ${doc.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    log(
      `  polnear: ${docs.length} articles (first annotator's file when two), ${c.gold} gold direct quotes, ${failed} unreadable`,
    );
    const qp = ratio(c.overlap, c.predictedTokens);
    const qr = ratio(c.overlap, c.goldTokens);
    const sp = ratio(c.speakerTp, c.speakerPredicted);
    const sr = ratio(c.speakerFound, c.speakerGold);
    return [
      {
        dataset: 'polnear',
        metrics: {
          quotePrecision: qp,
          quoteRecall: qr,
          quoteF1: f1(qp, qr),
          speakerPrecision: sp,
          speakerRecall: sr,
          speakerF1: f1(sp, sr),
          n: docs.length,
        },
        anchors: {
          quoteF1: 'Citron (BBC) on PARC 3.0 test, content spans overlap F1 0.833',
          speakerF1: 'Citron on PARC 3.0 test, source spans exact F1 0.820 (P 0.929, R 0.733)',
        },
      },
    ];
  },
};

export default task;
