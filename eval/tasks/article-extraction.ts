/**
 * Main-text extraction on the Zyte/Scrapinghub article-extraction benchmark (181 real news and
 * blog pages with hand-checked article bodies). Each page goes through the project's own HTML
 * reader and cleaner — exactly what `wiretrace ingest page.html` does — and the clean text is
 * scored with the benchmark's own metric (evaluate.py in scrapinghub/article-extraction-benchmark):
 *
 *   - tokens: regex \w+ (Unicode, case kept); 4-token shingles counted with multiplicity;
 *   - per page: TP = Σ min(true, pred), FP = Σ (pred − true)+, FN = Σ (true − pred)+, normalised
 *     to sum to 1 so long pages weigh no more than short ones;
 *   - precision = mean over pages with TP+FP > 0 of TP/(TP+FP) (1 when FP = FN = 0); recall
 *     likewise over pages with TP+FN > 0; F1 = 2PR/(P+R) of those two means.
 *
 * That is how the published figures (the anchors) were computed, so ours compare with them.
 * The pooled variant (ΣTP/Σ(TP+FP) over the normalised counts) is logged too.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cleanArticle } from '../../src/clean/index.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { readHtml } from '../../src/ingest/html/index.js';
import { isInputError } from '../../src/ingest/types.js';
import type { EvalTask } from '../task.js';

type Counts = [tp: number, fp: number, fn: number];

/** Python's `\w` with re.UNICODE: letters, digits, marks and connector punctuation. */
const UNICODE_WORD = /[\p{L}\p{N}\p{M}\p{Pc}]+/gu;

function tokenize(text: string): string[] {
  return text.match(UNICODE_WORD) ?? [];
}

function shingleCounts(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  // evaluate.py: range(0, max(1, len − n + 1)), so a text shorter than n is one short shingle.
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function shingleMatching(truth: string, prediction: string): Counts {
  const t = shingleCounts(truth);
  const p = shingleCounts(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [tp, fp, fn];
}

function precisionOf([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

export function scorePages(pages: Counts[]): { precision: number; recall: number; f1: number } {
  const precision = mean(pages.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(pages.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

interface Truth {
  articleBody?: string;
  url?: string;
}

/** Every ground-truth file of the folder (other splits ship under other names). */
async function loadTruth(dir: string): Promise<Map<string, Truth>> {
  const truth = new Map<string, Truth>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Record<string, Truth>;
    for (const [key, value] of Object.entries(data)) truth.set(key, value);
  }
  return truth;
}

/** What our pipeline extracts from one page: HTML reader, then clean. */
async function extract(file: string, url: string | undefined): Promise<{ text: string; error?: string }> {
  const decoded = decodeBytes(gunzipSync(await readFile(file)));
  if ('error' in decoded) return { text: '', error: decoded.error };
  const result = readHtml(file, decoded.text, { url });
  if (isInputError(result)) return { text: '', error: result.reason };
  return { text: cleanArticle(result).text };
}

const task: EvalTask = {
  name: 'article-extraction',
  description: 'main-text extraction (HTML reader + clean) on 181 real news pages, 4-gram shingle F1',
  async run({ dataDir, limit, log }) {
    const dir = path.join(dataDir, 'article-extraction');
    const truth = await loadTruth(dir);
    const keys = [...truth.keys()].sort().slice(0, limit ?? undefined);
    const pages: Counts[] = [];
    let failures = 0;
    for (const key of keys) {
      const { text, error } = await extract(path.join(dir, 'html', `${key}.html.gz`), truth.get(key)?.url);
      if (error) {
        failures++;
        log(`  ${key.slice(0, 12)}: ${error}`);
      }
      pages.push(shingleMatching(truth.get(key)?.articleBody ?? '', text));
    }
    const { precision, recall, f1 } = scorePages(pages);
    const sums = pages.reduce((acc, c) => [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2]], [0, 0, 0]);
    const pooledP = sums[0] / (sums[0] + sums[1] || 1);
    const pooledR = sums[0] / (sums[0] + sums[2] || 1);
    log(
      `  ${pages.length} pages, ${failures} without text; pooled over normalised counts: P ${pooledP.toFixed(4)} R ${pooledR.toFixed(4)} F1 ${((2 * pooledP * pooledR) / (pooledP + pooledR || 1)).toFixed(4)}`,
    );
    return [
      {
        dataset: 'article-extraction',
        metrics: { precision, recall, f1, n: pages.length },
        anchors: {
          'Readability.js 0.6.0': 'F1 0.947 (P 0.914, R 0.982)',
          'trafilatura 2.0.0': 'F1 0.958',
          'rs_trafilatura (best open source)': 'F1 0.970',
        },
      },
    ];
  },
};

export default task;
