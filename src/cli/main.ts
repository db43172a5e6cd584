#!/usr/bin/env node
import { run } from './program.js';

/**
 * The commands, one per file in ./commands/, each exporting `register(program)`. Adding a
 * command is one line here.
 */
// biome-ignore format: one line per command, so that adding one is a one-line change.
const COMMANDS = [
  'ingest',
  'enqueue',
  'worker',
  'articles',
  'stories',
  'show',
  'analyze',
  'trace',
  'diff',
  'findings',
  'serve',
];

process.exitCode = await run(process.argv, COMMANDS);
