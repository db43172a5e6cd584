import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { Article } from '../../core/types.js';
import { colorEnabled, sanitize } from '../../report/text.js';
import {
  ExitCode,
  globalOptions,
  inputErrorLine,
  storeChosen,
  UsageError,
  withStore,
  writeJson,
  writeOut,
} from '../context.js';

/** Why a version could not be found: one line on stderr, exit status 1. */
class NotFound extends Error {}

/** "feed.rss#guid" → the file and the record, when the part before "#" is a file. */
function splitRecord(arg: string): { file: string; record?: string } | undefined {
  if (existsSync(arg)) return { file: arg };
  for (let i = arg.indexOf('#'); i > 0; i = arg.indexOf('#', i + 1)) {
    const file = arg.slice(0, i);
    if (existsSync(file) && statSync(file).isFile()) return { file, record: arg.slice(i + 1) };
  }
  return undefined;
}

/** One article from a file (a batch file needs its record: "batch.jsonl#id" or "#3"). */
async function fromFile(arg: string, file: string, record: string | undefined): Promise<Article> {
  const { prepareInputs } = await import('../../analyze.js');
  const { articles, errors } = await prepareInputs([file]);
  const candidates =
    record === undefined
      ? articles
      : articles.filter((a) => a.externalId === record || a.source.endsWith(`#${record}`));
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) {
    if (record === undefined && errors.length > 0)
      throw new NotFound(inputErrorLine(errors[0]).replace(/^wiretrace: /, ''));
    throw new NotFound(`${arg}: no article${record === undefined ? '' : ` with record ${record}`} in ${file}`);
  }
  const records = candidates.slice(0, 3).map((a) => a.externalId ?? a.source.slice(a.source.lastIndexOf('#') + 1));
  throw new UsageError(
    `${arg}: ${file} holds ${candidates.length} articles; name one as FILE#RECORD (${records.join(', ')}…)`,
  );
}

/** A version named on the command line: a file (or FILE#RECORD) if there is one, else a stored article id. */
async function resolveVersion(arg: string, command: Command): Promise<Article> {
  const local = splitRecord(arg);
  if (local) {
    if (statSync(local.file).isDirectory()) throw new UsageError(`${arg}: a directory; diff compares two articles`);
    return fromFile(arg, local.file, local.record);
  }
  const { db } = globalOptions(command);
  // Opening the default store would create it: only look ids up in a store that exists.
  if (!storeChosen(command) && !existsSync(db))
    throw new NotFound(`${arg}: no such file, and no store (${db}) to look it up in`);
  return withStore(db, async (store) => {
    const ids = await store.resolveId(arg);
    if (ids.length > 1) throw new UsageError(`${arg}: ambiguous id prefix (${ids.slice(0, 5).join(', ')}…)`);
    const article = ids.length === 1 ? await store.getArticle(ids[0]) : undefined;
    if (!article) throw new NotFound(`${arg}: no such file, and no such article in ${db}`);
    return article;
  });
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('two versions side by side, sentences aligned, edits highlighted')
    .argument('<a>', 'a file (FILE#RECORD for one record of a feed or batch) or a stored article id')
    .argument('<b>', 'the other version, likewise')
    .action(async (a: string, b: string, _options: unknown, command: Command) => {
      const { json } = globalOptions(command);
      let versions: [Article, Article];
      try {
        versions = [await resolveVersion(a, command), await resolveVersion(b, command)];
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
        process.stderr.write(`wiretrace: ${sanitize(error.message)}\n`);
        process.exitCode = ExitCode.InputFailed;
        return;
      }
      const { align } = await import('../../align/index.js');
      const { pairDiff } = await import('../../server/views/pair-diff.js');
      const { diffSummary, renderDiff } = await import('../../report/diff.js');
      const diff = pairDiff(versions[0], versions[1], align(versions[0], versions[1]));
      if (json) writeJson({ ...diff, summary: diffSummary(diff) });
      else writeOut(renderDiff(diff, { color: colorEnabled(process.stdout), width: process.stdout.columns ?? 100 }));
      process.exitCode = ExitCode.Ok;
    });
}
