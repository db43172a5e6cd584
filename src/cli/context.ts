import type { Command } from 'commander';
import type { InputError } from '../core/types.js';
import { sanitize } from '../report/text.js';
import { openStore, type Store } from '../store/index.js';

/** What the exit status means, for scripts: documented in the README. */
export const ExitCode = {
  /** Every input became an article. */
  Ok: 0,
  /** Some inputs failed (each named on stderr); the others were processed and stored. */
  InputFailed: 1,
  /** The command line was wrong. */
  Usage: 2,
  /** The store or the program itself failed. */
  Internal: 3,
} as const;

/** Options every command understands, wherever they appear on the command line. */
export interface GlobalOptions {
  db: string;
  json?: boolean;
  quiet?: boolean;
}

/** A command file exports `register`, and main.ts lists the file's name. */
export interface CommandModule {
  register(program: Command): void;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** Whether the user chose a store (--db or WIRETRACE_DB) rather than taking the default file. */
export function storeChosen(command: Command): boolean {
  let root: Command = command;
  while (root.parent) root = root.parent;
  const source = root.getOptionValueSource('db');
  return source === 'cli' || source === 'env';
}

/** A failure of the store or of the program: reported in one line, exit status 3. */
export class InternalError extends Error {}

/** A wrong command line discovered after parsing (ambiguous id …): exit status 2. */
export class UsageError extends Error {}

/** The one-line form every input error takes on stderr: `wiretrace: <source>: <reason>`. */
export function inputErrorLine(error: InputError): string {
  return `wiretrace: ${sanitize(error.source)}: ${sanitize(error.reason).replace(/\s*\n\s*/g, ' ')}`;
}

export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeJson(value: unknown): void {
  writeOut(JSON.stringify(value, null, 2));
}

/** Opens the store, runs `work`, always closes it; any store failure becomes an InternalError. */
export async function withStore<T>(url: string, work: (store: Store) => Promise<T>): Promise<T> {
  let store: Store;
  try {
    store = await openStore(url);
  } catch (error) {
    throw new InternalError(`${url}: cannot open store: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await work(store);
  } finally {
    await store.close().catch(() => undefined);
  }
}

/**
 * The job queue of a PostgreSQL store, for `enqueue` and `worker`: an SQLite store is a usage
 * error (exit 2), a queue that cannot be opened a store failure (exit 3).
 */
export async function openStoreQueue(db: string): Promise<import('pg-boss')> {
  const { engineFor } = await import('../store/connect.js');
  if (engineFor(db) !== 'postgres')
    throw new UsageError(`${db}: the job queue needs a PostgreSQL store (--db postgres://…)`);
  const { openQueue } = await import('../queue/index.js');
  return openQueue(db).catch((error: unknown) => {
    throw new InternalError(
      `${db}: cannot open the job queue: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}
