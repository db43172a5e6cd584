import type { Command } from 'commander';
import { colorEnabled, colors, day, sanitize, shortId, truncate } from '../../report/text.js';
import { globalOptions, withStore, writeJson, writeOut } from '../context.js';

export function register(program: Command): void {
  program
    .command('articles')
    .description('list stored articles: id, published, outlet, title')
    .action(async (_options: unknown, command: Command) => {
      const { db, json } = globalOptions(command);
      const list = await withStore(db, (store) => store.listArticles());
      if (json) return writeJson(list);
      const c = colors(colorEnabled(process.stdout));
      const width = Math.max(60, process.stdout.columns ?? 100);
      const outletWidth = Math.min(20, Math.max(6, ...list.map((a) => (a.outlet ?? '').length)));
      const titleWidth = Math.max(10, width - 8 - 2 - 10 - 2 - outletWidth - 2);
      const lines = [c.bold(`${'id'.padEnd(8)}  ${'published'.padEnd(10)}  ${'outlet'.padEnd(outletWidth)}  title`)];
      for (const a of list) {
        const outlet = truncate(sanitize(a.outlet ?? '—'), outletWidth).padEnd(outletWidth);
        const title = truncate(sanitize(a.title || a.source), titleWidth);
        lines.push(`${c.dim(shortId(a.id))}  ${day(a.published)}  ${c.cyan(outlet)}  ${title}`);
      }
      if (list.length === 0) lines.push(c.dim(`(no articles in ${db})`));
      writeOut(lines.join('\n'));
    });
}
