import type { Migration, MigrationProvider } from 'kysely';
import { articles } from './0001_articles.js';
import { stories } from './0002_stories.js';

/**
 * Every migration, in order, one line each. Names sort in the order they must run; a new
 * migration is a new file plus one line here.
 */
const migrations: Record<string, Migration> = {
  '0001_articles': articles,
  '0002_stories': stories,
};

/** A static provider: migrations are compiled in, so the built package needs no file scanning. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
