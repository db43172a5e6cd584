/**
 * MinHash and LSH on their own: signatures/s (word shingling included, as datasketch's
 * `MinHash.update` over each shingle includes its hashing), LSH inserts/s and queries/s, and the
 * recall of the known near copies at the LSH threshold.
 *
 * signaturesPerSec is wall-clock; signaturesPerCpuSec divides by this process's CPU time, for
 * a machine shared with other work. The texts are those of the cluster bench (the same generator and seed, ~600 words each).
 * With --write-corpus FILE the corpus goes to FILE (JSONL, one `{id, text}` a line) and the
 * parameters to FILE.params.json, so that datasketch can be timed elsewhere on exactly these
 * documents: `MinHash(num_perm=numPerm)` updated with each `shingleSize`-word shingle of the
 * lower-cased words, `MinHashLSH(threshold, num_perm, params=(bands, rows))`.
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_DUPLICATE_OPTIONS } from '../../src/cluster/duplicates.js';
import { MinHashLSH } from '../../src/cluster/lsh.js';
import { estimateJaccard, MinHash } from '../../src/cluster/minhash.js';
import { exactJaccard, shingleHashes, uniqueSorted, wordHashes } from '../../src/cluster/shingles.js';
import type { BenchTask } from '../task.js';
import { generateStream, writeCorpus } from './cluster.js';

const task: BenchTask = {
  name: 'minhash',
  description: 'MinHash signatures/s (5-word shingles, 128 permutations) and LSH insert/query per second',
  async run({ size, writeCorpus: corpusFile, log }) {
    const articles = generateStream(size);
    const { shingleSize, numPerm, threshold, seed } = DEFAULT_DUPLICATE_OPTIONS;
    const minhash = new MinHash({ numPerm, seed });
    const lsh = new MinHashLSH({ threshold, numPerm });
    const { bands, rows, impliedThreshold } = lsh.params;
    const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
    if (corpusFile) {
      writeCorpus(corpusFile, articles);
      const params = {
        documents: size,
        shingle: 'lower-cased words (letters and digits, inner apostrophes kept), joined by spaces',
        shingleSize,
        numPerm,
        threshold,
        bands,
        rows,
        impliedThreshold: Number(impliedThreshold.toFixed(4)),
        nearCopyPairs: articles.filter((a) => a.copyOf).map((a) => [a.copyOf, a.id]),
      };
      writeFileSync(`${corpusFile}.params.json`, `${JSON.stringify(params, null, 2)}\n`);
      log(`  corpus written to ${corpusFile}, parameters to ${corpusFile}.params.json`);
    }

    // Signatures, shingling included; each into its own slot of one flat array.
    const signatures = new Uint32Array(size * numPerm);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < size; i++) {
      const shingles = shingleHashes(wordHashes(articles[i].text), shingleSize);
      minhash.signature(shingles, signatures.subarray(i * numPerm, (i + 1) * numPerm));
    }
    const signSeconds = (performance.now() - t0) / 1000;
    const signCpu = process.cpuUsage(cpu0);
    const signCpuSeconds = (signCpu.user + signCpu.system) / 1e6;
    const signatureOf = (i: number) => signatures.subarray(i * numPerm, (i + 1) * numPerm);

    const t1 = performance.now();
    for (let i = 0; i < size; i++) lsh.insert(articles[i].id, signatureOf(i));
    const insertSeconds = (performance.now() - t1) / 1000;

    let candidates = 0;
    const t2 = performance.now();
    for (let i = 0; i < size; i++) candidates += lsh.query(signatureOf(i)).length;
    const querySeconds = (performance.now() - t2) / 1000;

    // Recall on the generated near copies whose exact shingle Jaccard is at or above the
    // threshold: does a query with the copy return the original?
    const index = new Map(articles.map((a, i) => [a.id, i]));
    let truePairs = 0;
    let found = 0;
    let estimateError = 0;
    for (let i = 0; i < size; i++) {
      const original = articles[i].copyOf;
      if (original === undefined) continue;
      const j = index.get(original) as number;
      const exact = exactJaccard(
        uniqueSorted(shingleHashes(wordHashes(articles[i].text), shingleSize)),
        uniqueSorted(shingleHashes(wordHashes(articles[j].text), shingleSize)),
      );
      estimateError += Math.abs(estimateJaccard(signatureOf(i), signatureOf(j)) - exact);
      if (exact < threshold) continue;
      truePairs++;
      if (lsh.query(signatureOf(i)).includes(original)) found++;
    }
    const copies = articles.filter((a) => a.copyOf).length;
    log(
      `  ${size} documents, mean ${Math.round(words / size)} words; bands ${bands} × rows ${rows} ` +
        `(implied threshold ${impliedThreshold.toFixed(3)}); ${(candidates / size).toFixed(2)} candidates per query`,
    );
    return [
      {
        name: 'minhash',
        figures: {
          documents: size,
          signaturesPerSec: Math.round(size / signSeconds),
          signaturesPerCpuSec: Math.round(size / signCpuSeconds),
          lshInsertsPerSec: Math.round(size / insertSeconds),
          lshQueriesPerSec: Math.round(size / querySeconds),
          candidatesPerQuery: Number((candidates / size).toFixed(2)),
          nearCopyRecall: truePairs === 0 ? 1 : Number((found / truePairs).toFixed(4)),
          nearCopyPairs: truePairs,
          meanJaccardError: copies === 0 ? 0 : Number((estimateError / copies).toFixed(4)),
          shingleSize,
          numPerm,
          bands,
          rows,
          threshold,
        },
      },
    ];
  },
};

export default task;
