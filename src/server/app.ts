import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { openApiDocument } from './openapi.js';
import { DiffQuery, IdParams, IngestBody, StoriesQuery } from './schemas.js';
import type { IngestItem, StoryService } from './service.js';

export interface ServerOptions {
  /** Folder of the built web UI (index.html + assets); the API alone is served without it. */
  webRoot?: string | null;
  /** Largest request body in bytes (default 10 MiB: a batch of a few hundred articles). */
  bodyLimit?: number;
  logger?: boolean;
  version?: string;
}

/** Where `npm run build:web` puts the UI: dist-web/ at the package root, from src/ or dist/. */
export function defaultWebRoot(): string | null {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist-web');
  return existsSync(join(root, 'index.html')) ? root : null;
}

/** A 4xx with a message the client may see. */
class ClientError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new ClientError(400, `invalid ${what}: ${problems.join('; ')}`);
}

/**
 * The HTTP server: JSON API under /api, the web UI at /. Every error a client sees is a JSON
 * `{ error }` with a plain message; 5xx details go to the log only.
 */
export async function buildServer(service: StoryService, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
  });

  // One article as a page or as plain text; the JSON parser is Fastify's own.
  app.addContentTypeParser(['text/html', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error(error);
      return reply.status(500).send({ error: 'internal error: the server log has the details' });
    }
    // Fastify's own 4xx errors (body too large, bad JSON, unsupported media type) carry safe messages.
    return reply.status(status).send({ error: error.message });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: `no route for ${request.method} ${request.url.split('?')[0]}` }),
  );

  app.get('/api/openapi.json', async () => openApiDocument(options.version ?? '0.1.0'));

  app.post('/api/articles', async (request) => {
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    let items: IngestItem[];
    if (type === 'text/html' || type === 'text/plain') {
      const body = request.body as string;
      if (body.trim() === '') throw new ClientError(400, 'the body is empty');
      items = [type === 'text/html' ? { source: 'api#1', html: body } : { source: 'api#1', text: body }];
    } else {
      const body = parse(IngestBody, request.body, 'body');
      items = body.articles.map(({ id, ...rest }, i) => ({
        ...rest,
        source: rest.url ?? (id ? `api#${id}` : `api#${i + 1}`),
        externalId: id,
      }));
    }
    return { results: await service.ingest(items) };
  });

  app.get('/api/stories', async (request) => {
    const query = parse(StoriesQuery, request.query, 'query');
    return { stories: await service.listStories(query) };
  });

  app.get('/api/stories/:id', async (request) => {
    const { id } = parse(IdParams, request.params, 'story id');
    const story = await service.getStory(id);
    if (!story) throw new ClientError(404, `no story ${id}`);
    return story;
  });

  app.get('/api/articles/:id', async (request) => {
    const { id } = parse(IdParams, request.params, 'article id');
    const article = await service.getArticle(id);
    if (!article) throw new ClientError(404, `no article ${id}`);
    return article;
  });

  app.get('/api/diff', async (request) => {
    const { a, b } = parse(DiffQuery, request.query, 'query');
    const diff = await service.diff(a, b);
    if (!diff) throw new ClientError(404, `no article ${a} or ${b}`);
    return diff;
  });

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, index: 'index.html' });
  }
  // The UI's pages must not be framed or run scripts from elsewhere; article text is data only.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
    );
    return payload;
  });
  return app;
}
