import type { Kysely, Migration } from 'kysely';

/** Articles with their clean text, offsets and segmentation; input errors kept for later review. */
export const articles: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_hash', 'text', (c) => c.notNull().unique())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('url', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('published', 'text')
      .addColumn('outlet', 'text')
      .addColumn('author', 'text')
      .addColumn('credits', 'text', (c) => c.notNull())
      .addColumn('original', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('offsets', 'text', (c) => c.notNull())
      .addColumn('paragraphs', 'text', (c) => c.notNull())
      .addColumn('sentences', 'text', (c) => c.notNull())
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('articles_published').on('articles').column('published').execute();
    await db.schema
      .createTable('ingest_errors')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ingest_errors').execute();
    await db.schema.dropTable('articles').execute();
  },
};
