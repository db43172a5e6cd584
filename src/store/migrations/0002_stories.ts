import type { Kysely, Migration } from 'kysely';

/**
 * Stories and which article belongs to which, plus the online clusterer's saved state, so that
 * each `ingest` continues the stream where the previous one stopped instead of re-clustering
 * every stored article.
 */
export const stories: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('stories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('first_published', 'text')
      .addColumn('last_published', 'text')
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('duplicates', 'integer', (c) => c.notNull())
      .addColumn('outlets', 'text', (c) => c.notNull())
      // A story found to be part of an older one keeps its row, so that an id someone noted
      // down still leads somewhere.
      .addColumn('merged_into', 'text', (c) => c.references('stories.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stories_last_published').on('stories').column('last_published').execute();
    // Listing keeps the stories not merged away; a merge re-points those merged into the loser.
    await db.schema.createIndex('stories_merged_into').on('stories').column('merged_into').execute();
    await db.schema
      .createTable('story_articles')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('duplicate_of', 'text', (c) => c.references('articles.id').onDelete('set null'))
      .addColumn('similarity', 'double precision', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('story_articles_story').on('story_articles').column('story_id').execute();
    await db.schema
      .createTable('cluster_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('articles', 'integer', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('cluster_state').execute();
    await db.schema.dropTable('story_articles').execute();
    await db.schema.dropTable('stories').execute();
  },
};
