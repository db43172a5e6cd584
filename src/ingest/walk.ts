import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { InputError } from '../core/types.js';
import { skippedInDirectory } from './formats.js';
import { describeFsError } from './read-file.js';
import { inputError } from './types.js';

/**
 * Turns the user's arguments into files: a file stands for itself, a directory for every file
 * below it (recursively, hidden files and folders skipped, sorted so runs are reproducible), a
 * glob pattern ("news/**\/*.html") for its matches, and "-" for standard input.
 */
export type InputItem =
  | { kind: 'file'; path: string; fromDirectory: boolean }
  | { kind: 'stdin' }
  | { kind: 'error'; error: InputError };

const GLOB_CHARS = /[*?[\]{}]/;

export async function* expandPaths(paths: readonly string[]): AsyncGenerator<InputItem> {
  for (const arg of paths) {
    if (arg === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>> | undefined;
    try {
      info = await stat(arg);
    } catch (error) {
      if (GLOB_CHARS.test(arg)) {
        const matches = (await fg(arg, { dot: false, onlyFiles: true, followSymbolicLinks: true })).sort();
        if (matches.length === 0) yield { kind: 'error', error: inputError(arg, 'no files match this pattern') };
        for (const match of matches) yield { kind: 'file', path: match, fromDirectory: false };
        continue;
      }
      yield { kind: 'error', error: inputError(arg, `cannot read: ${describeFsError(error)}`) };
      continue;
    }
    if (info.isDirectory()) yield* walkDirectory(arg);
    else yield { kind: 'file', path: arg, fromDirectory: false };
  }
}

async function* walkDirectory(dir: string): AsyncGenerator<InputItem> {
  let entries: Dirent[];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort((x, y) =>
      x.name < y.name ? -1 : x.name > y.name ? 1 : 0,
    );
  } catch (error) {
    yield { kind: 'error', error: inputError(dir, `cannot read directory: ${describeFsError(error)}`) };
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // The directory listing already says what most entries are; links, and entries of file
    // systems that do not report types, need a stat of their own.
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink() || (!isDirectory && !isFile)) {
      try {
        const info = await stat(full);
        isDirectory = info.isDirectory();
        isFile = info.isFile();
      } catch (error) {
        yield { kind: 'error', error: inputError(full, `cannot read: ${describeFsError(error)}`) };
        continue;
      }
    }
    if (isDirectory) yield* walkDirectory(full);
    else if (isFile && !skippedInDirectory(full)) yield { kind: 'file', path: full, fromDirectory: true };
  }
}
