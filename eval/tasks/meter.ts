/**
 * METER: is a newspaper story wholly, partially or non-derived from the Press Association copy on
 * the same story? Each story is aligned with every PA file of its catchline, and three
 * document-level features (src/trace/derivation.ts: share of the story's content words found in
 * the wire, narrative 5-gram containment, log story length) go through a multinomial logistic
 * regression.
 *
 * Fitting: the shipped weights (src/trace/derivation-model.json) were fitted on the METER dev file
 * here (meter.dev.jsonl, `npx tsx eval/tasks/meter.ts --fit`), never on a test split, so
 * `macroF1`/`accuracy` on dev are training figures. The honest dev figure is `cvMacroF1`/
 * `cvAccuracy`: 5-fold cross-validation in which the weights are refitted on four folds and scored
 * on the fifth. The folds interleave stories (i mod 5), so other papers' versions of a story sit
 * in the training folds; `cvCatchlineMacroF1` keeps each catchline (story) in one fold, the
 * stricter figure. The feature set was chosen by cross-validation on this file, which flatters it;
 * the test splits, read from the same folder, are the unbiased check.
 *
 * History of the story model (catchline-grouped CV on the fixed partition; mean over 40 random
 * catchline partitions in brackets; story-interleaved CV after the slash):
 *  - ten features (sentence coverage, narrative 2- and 5-gram containment, greedy string tiling,
 *    share of the wire's words used, share of the wire covered, quoted share, log length, log
 *    shared bigrams and narrative trigrams), L2 1: 0.659 (0.658) / 0.676, training 0.681. Its
 *    edge under story-interleaved CV came from other papers' versions of the test story.
 *  - shipped: content-word containment, narrative 5-gram containment and log length, L2 3:
 *    0.674 (0.676) / 0.673, training 0.674. Found by stepwise selection over ~55 candidates, so
 *    part of the gain is selection luck: running the whole selection inside each outer fold
 *    scored 0.615 and 0.649 on two partitions, below the old model. What held in every fold was a
 *    containment feature plus length; the third feature varied.
 *
 * Tried and not shipped (catchline CV, fixed partition / random-partition mean), each added to
 * the ten features unless said: share of sentences with no aligned wire sentence, coverage
 * weighted by position (lede 1, tail 1/(1+i)), lead and first-three-sentence credit, head and tail
 * coverage, longest run of consecutive aligned sentences, share of wire quotes reproduced, share
 * of the paper's names and numbers found in the wire, density and share of the paper's own quotes
 * (not in the wire), length ratio to the wire in log space, number of wire files, agency-credit
 * and dateline cues (no METER story credits PA in its text, so the cue is constant), "last
 * night"/"yesterday"/first-person rates, best single-file coverage, mean alignment similarity,
 * verbatim share of aligned pairs. Each moved the figure by −0.015 to +0.012, inside the ±0.01
 * spread between partitions. Rarity-weighted lemma containment, whole-text word, bigram and
 * trigram containment and the share of sentences mostly made of wire words were offered to the
 * stepwise selection and not kept. Also: what the paper shares with
 * other papers on the catchline but not with the wire, and other papers' coverage (no gain,
 * though labels cluster by catchline: a partially-derived story's catchline-mates are 64%
 * partially-derived); all ~55 features at once (0.62–0.66 for L2 1–100); the brief's style and
 * sourcing features together (0.64–0.65); hinge (piecewise-linear) expansions of the ten features
 * (0.64–0.65); class-offset tuning for macro-F1 inside the folds, in-sample or by inner CV
 * (−0.001 to −0.013); unweighted classes (0.62); L2 from 0.03 to 10 on the ten features (0.648–
 * 0.659). Earlier: coverage cuts alone (cvMacroF1 0.62, still logged), products of feature pairs
 * (overfits). The hard boundary is partially- vs non-derived: no single feature separates them
 * better than AUC 0.77, and some catchlines are labelled partially-derived throughout although
 * their papers share almost no words with the wire.
 *
 * Also tried and not shipped: a sentence-level model of the passage labels. A logistic model per
 * newspaper sentence (alignment credit and similarity, word and n-gram cover by the wire, best
 * match against any wire sentence, quote share, position, length; neighbours' features) was
 * fitted inside each fold on the training stories' Verbatim/Rewrite-vs-New sentences, and its
 * summaries (word-weighted share called taken, share of sentences, lead, first three, longest
 * run) joined the story features, cross-fitted so training stories saw out-of-fold predictions
 * too. It reads sentences well (0.79 accuracy under catchline CV, base rate 0.52) yet the story
 * figure did not move (cvCatchlineMacroF1 0.650–0.662 against 0.659 without). The labels
 * themselves cap the idea: on the 279 stories with passages, adding the *annotated* Verbatim,
 * Rewrite and New shares to the story features raises catchline CV only from 0.724 to 0.732,
 * because non-derived stories carry taken passages too (median Verbatim share 0.20, against 0.42
 * for partially-derived). The class is the annotators' judgement of the whole story, not a
 * threshold on how much of it was taken.
 *
 * Passages: the annotated SGML marks newspaper words as <Verbatim>, <Rewrite> (both taken from PA)
 * or <New>. `spanF1` scores, word by word, "this word sits in a sentence aligned to PA" against
 * "this word is Verbatim or Rewrite".
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diffArrays } from 'diff';
import fg from 'fast-glob';
import iconv from 'iconv-lite';
import { align } from '../../src/align/index.js';
import { articleFromText } from '../../src/core/prepare.js';
import type { Alignment, Article, DerivationClass } from '../../src/core/types.js';
import {
  DERIVATION_CLASSES,
  DERIVATION_FEATURES,
  derivationClass,
  derivationFeatures,
  fitDerivationModel,
} from '../../src/trace/derivation.js';
import {
  combinedCoverage,
  combinedCredit,
  PARTIALLY_DERIVED_COVERAGE,
  WHOLLY_DERIVED_COVERAGE,
} from '../../src/trace/pair-verdict.js';
import type { DatasetResult, EvalOptions, EvalTask } from '../task.js';

interface MeterRow {
  id: string;
  catchline: string;
  label: string;
  text: string;
  pa_sources: { path: string; text: string }[];
}

const CLASSES: DerivationClass[] = ['wholly-derived', 'partially-derived', 'non-derived'];

/**
 * PA wire files carry a header block (rules of dashes, "15:51 01/03/00: Page 1 (HHH) COURTS"),
 * end paragraphs with "<" and start them with a control character, wrap lines at 72 columns and
 * write "#" for "£". Undo that so the wire reads like the newspaper text it is compared with.
 */
export function normalizeWire(text: string): string {
  const paragraphs = text
    .replaceAll(String.fromCharCode(0x19), '')
    .split(/<\s*\n|\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .filter((line) => !/^\s*-{10,}\s*$/.test(line) && !/^\s*\d\d:\d\d \d\d\/\d\d\/\d\d:/.test(line))
        .join(' ')
        .replace(/\s+/g, ' ')
        .replace(/#(?=\d)/g, '£')
        .trim(),
    )
    .filter((p) => p.length > 0);
  return paragraphs.join('\n\n');
}

function macroF1(gold: DerivationClass[], predicted: DerivationClass[]): number {
  let sum = 0;
  for (const c of CLASSES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      if (predicted[i] === c && g === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (g === c) fn++;
    });
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / CLASSES.length;
}

function classifyWith(coverage: number, wholly: number, partially: number): DerivationClass {
  return coverage >= wholly ? 'wholly-derived' : coverage >= partially ? 'partially-derived' : 'non-derived';
}

function fitCuts(coverages: number[], gold: DerivationClass[]): [wholly: number, partially: number] {
  let best: [number, number] = [0.6, 0.3];
  let bestF1 = -1;
  for (let p = 0.05; p <= 0.6; p += 0.01) {
    for (let w = p + 0.01; w <= 0.95; w += 0.01) {
      const f1 = macroF1(
        gold,
        coverages.map((c) => classifyWith(c, w, p)),
      );
      if (f1 > bestF1) {
        bestF1 = f1;
        best = [Math.round(w * 100) / 100, Math.round(p * 100) / 100];
      }
    }
  }
  return best;
}

function crossValidated(coverages: number[], gold: DerivationClass[], folds = 5): number {
  const predicted: DerivationClass[] = new Array(gold.length);
  for (let f = 0; f < folds; f++) {
    const train = coverages.map((_, i) => i).filter((i) => i % folds !== f);
    const [w, p] = fitCuts(
      train.map((i) => coverages[i]),
      train.map((i) => gold[i]),
    );
    coverages.forEach((c, i) => {
      if (i % folds === f) predicted[i] = classifyWith(c, w, p);
    });
  }
  return macroF1(gold, predicted);
}

/** 5-fold cross-validation of the derivation model: refitted on four folds, scored on the fifth. */
function crossValidatedModel(
  rows: number[][],
  gold: DerivationClass[],
  foldOf: (i: number) => number,
  folds = 5,
): DerivationClass[] {
  const predicted: DerivationClass[] = new Array(gold.length);
  for (let f = 0; f < folds; f++) {
    const train = rows.map((_, i) => i).filter((i) => foldOf(i) !== f);
    const model = fitDerivationModel(
      train.map((i) => rows[i]),
      train.map((i) => gold[i]),
    );
    rows.forEach((r, i) => {
      if (foldOf(i) === f) predicted[i] = derivationClass(r, model);
    });
  }
  return predicted;
}

/** Folds that keep every story of one catchline together, in order of first appearance. */
function catchlineFolds(catchlines: string[], folds = 5): (i: number) => number {
  const order = new Map<string, number>();
  for (const c of catchlines) if (!order.has(c)) order.set(c, order.size);
  return (i) => (order.get(catchlines[i]) ?? 0) % folds;
}

interface Passage {
  words: string[];
  reused: boolean[];
}

/** Words of an annotated SGML story with "taken from PA" (Verbatim or Rewrite) flags. */
function annotatedWords(sgml: string): Passage {
  const body = sgml.slice(sgml.indexOf('<body>') + 6, sgml.lastIndexOf('</body>'));
  const words: string[] = [];
  const reused: boolean[] = [];
  const re = /<(Verbatim|Rewrite|New|unclassified)[^>]*>([\s\S]*?)<\/\1>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    for (const w of m[2].split(/\s+/).filter(Boolean)) {
      words.push(w);
      reused.push(m[1] === 'Verbatim' || m[1] === 'Rewrite');
    }
  }
  return { words, reused };
}

/** Words of the newspaper article with "sits in a sentence aligned to PA" flags. */
function predictedWords(target: Article, alignments: { alignment: Alignment; source: Article }[]): Passage {
  const credit = combinedCredit(target, alignments);
  const words: string[] = [];
  const reused: boolean[] = [];
  for (const s of target.sentences) {
    for (const w of s.text.split(/\s+/).filter(Boolean)) {
      words.push(w);
      reused.push(credit[s.index] > 0);
    }
  }
  return { words, reused };
}

/** Token-level counts of predicted-reused vs annotated-reused over the words both texts share. */
function spanCounts(gold: Passage, predicted: Passage): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let gi = 0;
  let pi = 0;
  for (const part of diffArrays(gold.words, predicted.words)) {
    const n = part.count ?? part.value.length;
    if (part.removed) gi += n;
    else if (part.added) pi += n;
    else {
      for (let k = 0; k < n; k++) {
        const g = gold.reused[gi + k];
        const p = predicted.reused[pi + k];
        if (g && p) tp++;
        else if (p) fp++;
        else if (g) fn++;
      }
      gi += n;
      pi += n;
    }
  }
  return { tp, fp, fn };
}

interface Story {
  target: Article;
  alignments: { alignment: Alignment; source: Article }[];
  gold: DerivationClass;
  catchline: string;
  coverage: number;
  features: number[];
}

/** Every METER story (all *.jsonl here), aligned with each wire file of its catchline. */
async function loadStories(dir: string, limit?: number, only = /\.jsonl$/): Promise<Map<string, Story>> {
  const files = (await readdir(dir)).filter((f) => only.test(f)).sort();
  const rows: MeterRow[] = [];
  for (const file of files) {
    const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n').filter((l) => l.trim());
    for (const line of lines) rows.push(JSON.parse(line) as MeterRow);
  }
  // Spread a --limit over all three classes: the files are sorted by story, not shuffled.
  const chosen = limit ? rows.filter((_, i) => i % Math.ceil(rows.length / limit) === 0).slice(0, limit) : rows;
  const wire = new Map<string, Article>();
  const wireArticle = (p: { path: string; text: string }) => {
    let a = wire.get(p.path);
    if (!a) {
      a = articleFromText(normalizeWire(p.text), { source: p.path });
      wire.set(p.path, a);
    }
    return a;
  };
  const stories = new Map<string, Story>();
  for (const row of chosen) {
    const target = articleFromText(row.text, { source: row.id });
    const alignments = row.pa_sources.map((p) => {
      const source = wireArticle(p);
      return { alignment: align(source, target), source };
    });
    stories.set(row.id, {
      target,
      alignments,
      gold: row.label.replace('_', '-') as DerivationClass,
      catchline: row.catchline,
      coverage: combinedCoverage(target, alignments),
      features: derivationFeatures(target, alignments),
    });
  }
  return stories;
}

const task: EvalTask = {
  name: 'meter',
  description: 'METER newspaper vs PA wire: 3-way derivation class and Verbatim/Rewrite passage match',
  async run({ dataDir, limit, log }: EvalOptions): Promise<DatasetResult[]> {
    const dir = path.join(dataDir, 'meter');
    const stories = await loadStories(dir, limit);
    const gold = [...stories.values()].map((s) => s.gold);
    const coverages = [...stories.values()].map((s) => s.coverage);
    const features = [...stories.values()].map((s) => s.features);
    const predicted = features.map((f) => derivationClass(f));
    const accuracy = predicted.filter((p, i) => p === gold[i]).length / gold.length;
    const cutsPredicted = coverages.map((c) => classifyWith(c, WHOLLY_DERIVED_COVERAGE, PARTIALLY_DERIVED_COVERAGE));
    const [fitW, fitP] = fitCuts(coverages, gold);
    log(
      `  coverage cuts alone: shipped wholly ≥ ${WHOLLY_DERIVED_COVERAGE}, partially ≥ ${PARTIALLY_DERIVED_COVERAGE}, ` +
        `macro-F1 ${macroF1(gold, cutsPredicted).toFixed(4)}, 5-fold CV ${crossValidated(coverages, gold).toFixed(4)}; ` +
        `best on these ${gold.length} stories: ${fitW}, ${fitP}`,
    );
    for (const c of CLASSES) {
      const cov = coverages.filter((_, i) => gold[i] === c).sort((x, y) => x - y);
      const q = (f: number) => (cov[Math.floor(f * (cov.length - 1))] ?? 0).toFixed(2);
      log(`  ${c}: coverage quartiles ${q(0.25)} ${q(0.5)} ${q(0.75)} (n=${cov.length})`);
    }
    const cvPredicted = crossValidatedModel(features, gold, (i) => i % 5);
    const catchlines = [...stories.values()].map((s) => s.catchline);
    const groupedPredicted = crossValidatedModel(features, gold, catchlineFolds(catchlines));
    for (const g of DERIVATION_CLASSES) {
      const counts = DERIVATION_CLASSES.map((p) => cvPredicted.filter((x, i) => x === p && gold[i] === g).length);
      log(`  CV confusion: gold ${g} → ${DERIVATION_CLASSES.map((p, k) => `${p} ${counts[k]}`).join(', ')}`);
    }

    // Passage level, on every annotated story that is in the chosen rows.
    const sgmlFiles = await fg('annotated/**/*.sgml', { cwd: dir });
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let annotated = 0;
    for (const file of sgmlFiles) {
      const id = path.basename(file, '.sgml');
      const entry = stories.get(id);
      if (!entry) continue;
      const sgml = iconv.decode(await readFile(path.join(dir, file)), 'latin1');
      // Non-derived stories are annotated <unclassified> as a whole: no passages to match.
      if (!/<(Verbatim|Rewrite)/.test(sgml)) continue;
      const counts = spanCounts(annotatedWords(sgml), predictedWords(entry.target, entry.alignments));
      tp += counts.tp;
      fp += counts.fp;
      fn += counts.fn;
      annotated++;
    }
    const spanPrecision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const spanRecall = tp + fn > 0 ? tp / (tp + fn) : 0;
    return [
      {
        dataset: 'meter',
        metrics: {
          macroF1: macroF1(gold, predicted),
          accuracy,
          n: gold.length,
          cvMacroF1: macroF1(gold, cvPredicted),
          cvAccuracy: cvPredicted.filter((p, i) => p === gold[i]).length / gold.length,
          cvCatchlineMacroF1: macroF1(gold, groupedPredicted),
          spanPrecision,
          spanRecall,
          spanF1: spanPrecision + spanRecall > 0 ? (2 * spanPrecision * spanRecall) / (spanPrecision + spanRecall) : 0,
          spanStories: annotated,
        },
        anchors: { 'Clough et al. 2002': '3-way mean F1 0.664' },
      },
    ];
  },
};

export default task;

/** `npx tsx eval/tasks/meter.ts --fit [--data DIR]`: refit src/trace/derivation-model.json on METER dev. */
async function fitModel(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dataFlag = process.argv.indexOf('--data');
  const dataDir = dataFlag > 0 ? process.argv[dataFlag + 1] : path.resolve(here, '../../../shared/data');
  const dir = path.join(dataDir, 'meter');
  const stories = [...(await loadStories(dir, undefined, /\.dev\.jsonl$/)).values()];
  if (stories.length === 0) throw new Error(`no meter *.dev.jsonl in ${dir}`);
  const model = fitDerivationModel(
    stories.map((s) => s.features),
    stories.map((s) => s.gold),
  );
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  const out = {
    _comment:
      'Multinomial logistic weights of the derivation class, fitted on the METER dev file only by eval/tasks/meter.ts --fit.',
    features: DERIVATION_FEATURES,
    classes: DERIVATION_CLASSES,
    mean: model.mean.map(round),
    scale: model.scale.map(round),
    weights: model.weights.map((w) => w.map(round)),
    bias: model.bias.map(round),
  };
  const target = path.resolve(here, '../../src/trace/derivation-model.json');
  await writeFile(target, `${JSON.stringify(out, null, 2)}\n`);
  process.stderr.write(`wrote ${target} from ${stories.length} stories\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--fit')) {
  await fitModel();
}
