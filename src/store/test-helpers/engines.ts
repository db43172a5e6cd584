import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../store.js';

export interface OpenedStore {
  store: Store;
  /** Another Store on the same database, as a second process would open it; closed by dispose. */
  reopen: () => Promise<Store>;
  /** Closes the store(s) and removes everything they wrote. */
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
      const file = path.join(dir, 'test.db');
      const stores = [await openStore(file)];
      return {
        store: stores[0],
        reopen: async () => {
          stores.push(await openStore(file));
          return stores[stores.length - 1];
        },
        dispose: async () => {
          for (const store of stores) await store.close();
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
      const stores = [await openStore(pgUrl, { schema })];
      return {
        store: stores[0],
        reopen: async () => {
          stores.push(await openStore(pgUrl, { schema }));
          return stores[stores.length - 1];
        },
        dispose: async () => {
          for (const store of stores) await store.close();
          const client = new pg.Client({ connectionString: pgUrl });
          await client.connect();
          await client.query(`drop schema if exists ${schema} cascade`);
          await client.end();
        },
      };
    },
  });
}
