/**
 * `npm run bench [-- --size N] [--json] [--only NAME[,NAME]] [--write-corpus FILE]`
 *
 * Discovers every benchmark in bench/tasks/ and prints its figures; with --json, stdout is one
 * object `{ "<bench>": { "<figure>": value } }`. Peak memory is reported per task (RSS high-water
 * mark sampled while it runs).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';
import type { BenchResult, BenchTask } from './task.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

async function loadTasks(): Promise<BenchTask[]> {
  const dir = path.join(here, 'tasks');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const tasks: BenchTask[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: BenchTask };
    if (mod.default) tasks.push(mod.default);
  }
  return tasks;
}

async function main(): Promise<void> {
  const program = new Command()
    .name('bench')
    .option('--size <n>', 'corpus size in articles', (v) => Number.parseInt(v, 10), 10_000)
    .option('--data <dir>', 'labelled corpora', path.resolve(root, '../shared/data'))
    .option('--json', 'print one JSON object on stdout')
    .option('--only <names>', 'comma-separated bench names')
    .option('--write-corpus <file>', 'also write the generated corpus as JSONL ({id, text} a line)')
    .parse();
  const opts = program.opts<{ size: number; data: string; json?: boolean; only?: string; writeCorpus?: string }>();
  const only = opts.only ? new Set(opts.only.split(',')) : undefined;
  const tasks = (await loadTasks()).filter((t) => !only || only.has(t.name));
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const all: Record<string, Record<string, number | string>> = {};
  let failed = 0;
  for (const task of tasks) {
    log(`▶ ${task.name}: ${task.description}`);
    global.gc?.();
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 50);
    let results: BenchResult[] = [];
    try {
      results = await task.run({ size: opts.size, dataDir: opts.data, writeCorpus: opts.writeCorpus, log });
    } catch (error) {
      failed++;
      log(`✖ ${task.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      clearInterval(sampler);
    }
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    for (const r of results) {
      const figures = { ...r.figures, peakRssMB: Math.round(peakRss / 1048576) };
      all[r.name] = figures;
      if (!opts.json) {
        const line = Object.entries(figures)
          .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : v}`)
          .join('  ');
        process.stdout.write(`${r.name.padEnd(28)} ${line}\n`);
      }
    }
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
