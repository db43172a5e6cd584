/**
 * `npm run eval [-- --data DIR] [--json] [--only NAME[,NAME]] [--limit N] [--check-floors]`
 *
 * Discovers every task in eval/tasks/, runs it, merges metrics per dataset and prints them
 * beside the published anchors. With --json, stdout is one object
 * `{ "<dataset>": { "<metric>": number } }`. With --check-floors, exits 1 when any metric falls
 * below eval/floors.json, so that an accuracy regression fails CI.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';
import type { DatasetResult, EvalTask, Metrics } from './task.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

async function loadTasks(): Promise<EvalTask[]> {
  const dir = path.join(here, 'tasks');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const tasks: EvalTask[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: EvalTask };
    if (mod.default) tasks.push(mod.default);
  }
  return tasks;
}

function formatMetric(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}

async function main(): Promise<void> {
  const program = new Command()
    .name('eval')
    .option('--data <dir>', 'labelled corpora', path.resolve(root, '../shared/data'))
    .option('--examples <dir>', 'bundled examples', path.resolve(root, 'examples'))
    .option('--json', 'print one JSON object on stdout')
    .option('--only <names>', 'comma-separated task names')
    .option('--limit <n>', 'cap documents per dataset', (v) => Number.parseInt(v, 10))
    .option('--check-floors', 'exit 1 when a metric is below eval/floors.json')
    .parse();
  const opts = program.opts<{
    data: string;
    examples: string;
    json?: boolean;
    only?: string;
    limit?: number;
    checkFloors?: boolean;
  }>();
  const only = opts.only ? new Set(opts.only.split(',')) : undefined;
  const tasks = (await loadTasks()).filter((t) => !only || only.has(t.name));
  const log = (message: string) => process.stderr.write(`${message}\n`);

  const merged: Record<string, Metrics> = {};
  const anchors: Record<string, Record<string, string>> = {};
  let failedTasks = 0;
  for (const task of tasks) {
    const started = performance.now();
    log(`▶ ${task.name}: ${task.description}`);
    let results: DatasetResult[];
    try {
      results = await task.run({
        dataDir: path.resolve(opts.data),
        examplesDir: path.resolve(opts.examples),
        limit: opts.limit,
        log,
      });
    } catch (error) {
      failedTasks++;
      log(`✖ ${task.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      continue;
    }
    for (const r of results) {
      merged[r.dataset] = { ...merged[r.dataset], ...r.metrics };
      if (r.anchors) anchors[r.dataset] = { ...anchors[r.dataset], ...r.anchors };
      if (!opts.json) {
        const line = Object.entries(r.metrics)
          .map(([k, v]) => `${k}=${formatMetric(v)}`)
          .join('  ');
        process.stdout.write(`${r.dataset.padEnd(20)} ${line}\n`);
        for (const [k, v] of Object.entries(r.anchors ?? {}))
          process.stdout.write(`${''.padEnd(20)}   published ${k}: ${v}\n`);
      }
    }
    log(`  ${task.name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(merged, null, 2)}\n`);

  let belowFloor = 0;
  if (opts.checkFloors) {
    const floors = JSON.parse(await readFile(path.join(here, 'floors.json'), 'utf8')) as Record<string, Metrics>;
    for (const [dataset, metrics] of Object.entries(floors)) {
      if (dataset.startsWith('_')) continue;
      for (const [metric, floor] of Object.entries(metrics)) {
        const value = merged[dataset]?.[metric];
        if (value === undefined) {
          if (only || opts.limit) continue;
          log(`✖ floor: ${dataset}.${metric} was not measured`);
          belowFloor++;
        } else if (value < floor) {
          log(`✖ floor: ${dataset}.${metric} = ${formatMetric(value)} is below ${floor}`);
          belowFloor++;
        }
      }
    }
    if (belowFloor === 0) log('✔ every metric at or above its floor');
  }
  process.exitCode = failedTasks > 0 || belowFloor > 0 ? 1 : 0;
}

await main();
