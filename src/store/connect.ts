import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface ConnectOptions {
  /**
   * PostgreSQL only: keep every table in this schema (created when missing). Tests use a fresh
   * schema per run so that they never touch real data and can drop everything afterwards.
   */
  schema?: string;
}

/** Which engine a `--db` value names: a postgres:// or postgresql:// URL, otherwise an SQLite file path. */
export function engineFor(url: string): Engine {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/** A Kysely instance over the engine the URL names. */
export async function connect(url: string, options: ConnectOptions = {}): Promise<Kysely<Database>> {
  if (engineFor(url) === 'postgres') return connectPostgres(url, options.schema);
  return connectSqlite(url);
}

function connectSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SQLite(file);
  // WAL: readers never block the writer, and a killed process leaves every committed
  // transaction intact (the log is replayed on next open). NORMAL sync is safe under WAL against
  // process crashes; only an OS crash could lose the very last commit.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  // Another process (a second `wiretrace ingest`) may hold the write lock for one batch.
  database.pragma('busy_timeout = 10000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

async function connectPostgres(url: string, schema: string | undefined): Promise<Kysely<Database>> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  return db;
}
