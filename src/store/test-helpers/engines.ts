import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../store.js';

export interface OpenedStore {
  store: Store;
  /** Closes the store and removes everything it wrote. */
  dispose: () => Promise<void>;
}

export interface Engine {
  name: string;
  open: () => Promise<OpenedStore>;
}

const pgUrl = process.env.WIRETRACE_TEST_PG;
let counter = 0;

/**
 * One fresh store per call and engine: an SQLite file in a temp dir, and a throwaway PostgreSQL
 * schema when WIRETRACE_TEST_PG holds a connection URL (the PostgreSQL tests are skipped without).
 */
export const engines: Engine[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-store-'));
      const store = await openStore(path.join(dir, 'test.db'));
      return {
        store,
        dispose: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];

if (pgUrl) {
  engines.push({
    name: 'postgres',
    open: async () => {
      const schema = `wiretrace_test_${process.pid}_${Date.now()}_${counter++}`;
      const store = await openStore(pgUrl, { schema });
      return {
        store,
        dispose: async () => {
          await store.close();
          const client = new pg.Client({ connectionString: pgUrl });
          await client.connect();
          await client.query(`drop schema if exists ${schema} cascade`);
          await client.end();
        },
      };
    },
  });
}
