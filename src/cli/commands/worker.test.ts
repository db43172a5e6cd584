import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-helpers/run-cli.js';

const pgUrl = process.env.WIRETRACE_TEST_PG;

const bridge =
  'Bridge over the Lune reopens after repairs\n\n' +
  'The Carrow footbridge reopened on Tuesday after eight weeks of repairs to its deck, the county council said.\n\n' +
  'Engineers replaced 40 timber boards and two steel cables. "It is safer now than the day it opened," said ' +
  'project lead Anika Strand, who walked across with the first cyclists.';

const library =
  'Library in Hollins Green to open on Sundays\n\n' +
  'Hollins Green library will open on Sundays from next month, after 2,300 residents signed a petition.\n\n' +
  'The extra hours cost 18,000 pounds a year and are paid for by the parish, librarian Tom Achebe said. ' +
  'Volunteers will run a reading club for children every Sunday afternoon.';

it('enqueue and worker refuse an SQLite store, with a usage error', async () => {
  for (const args of [
    ['enqueue', 'examples'],
    ['worker', '--until-empty'],
  ]) {
    const run = await runCli(['--db', 'local.db', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/local\.db: the job queue needs a PostgreSQL store/);
  }
});

describe.skipIf(!pgUrl)('wiretrace enqueue, then wiretrace worker, on PostgreSQL', () => {
  const name = `wiretrace_queue_cli_${process.pid}_${Date.now()}`;
  const url = new URL(pgUrl as string);
  url.pathname = `/${name}`;
  const db = url.toString();
  let dir: string;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(query);
    await client.end();
  };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-queue-cli-'));
    writeFileSync(path.join(dir, 'bridge.txt'), bridge);
    writeFileSync(path.join(dir, 'library.txt'), library);
    writeFileSync(path.join(dir, 'scan.txt'), Buffer.from([0x00, 0xff, 0x10, 0x00, 0x89, 0x50]));
    await admin(`create database ${name}`);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('queues what it can read, names what it cannot, and a worker stores and clusters the rest', async () => {
    const sent = await runCli(['--db', db, '--json', 'enqueue', dir]);
    expect(sent.code).toBe(1);
    expect(JSON.parse(sent.stdout)).toMatchObject({ jobs: 2, files: 2, records: 0 });
    expect(sent.stderr).toMatch(/scan\.txt: /);

    const worked = await runCli(['--db', db, '--json', 'worker', '--until-empty', '--workers', '1']);
    expect(worked.stderr).toBe('');
    expect(worked.code).toBe(0);
    expect(JSON.parse(worked.stdout)).toMatchObject({ ingestJobs: 2, inserted: 2, failedJobs: 0, clusterRuns: 1 });

    const stories = await runCli(['--db', db, '--json', 'stories']);
    expect((JSON.parse(stories.stdout) as unknown[]).length).toBe(2);
  }, 60_000);
});
