import { z } from 'zod';
import * as S from './schemas.js';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: json(schema) });
const error = (description: string) => ({ description, content: json(S.ErrorBody) });

/** Query or path parameters of an operation, from the zod object that validates them. */
function parameters(where: 'query' | 'path', schema: z.ZodObject) {
  const js = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

/** The OpenAPI 3.1 document of the API, served at GET /api/openapi.json. */
export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Wiretrace API',
      version,
      description:
        "Follow a news story across outlets. Spans are [start, end) character offsets into the article's original text.",
    },
    paths: {
      '/api/articles': {
        post: {
          summary: 'Ingest articles: stored, cleaned, segmented and clustered into stories',
          requestBody: {
            required: true,
            content: {
              ...json(S.IngestBody),
              'text/html': { schema: { type: 'string', description: 'one article as an HTML page' } },
              'text/plain': { schema: { type: 'string', description: 'one article as plain text' } },
            },
          },
          responses: {
            '200': ok(
              'One result per submitted article, in order; a bad article gets status "error"',
              S.IngestResponse,
            ),
            '400': error('The body is not valid'),
            '413': error('The body is larger than the limit'),
            '415': error('Unsupported content type'),
          },
        },
      },
      '/api/stories': {
        get: {
          summary: 'List and search stories',
          parameters: parameters('query', S.StoriesQuery),
          responses: {
            '200': ok('Stories', z.object({ stories: z.array(S.StoryListItem) })),
            '400': error('Bad query'),
          },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'A story: its articles, provenance graph, findings and brief',
          parameters: parameters('path', S.IdParams),
          responses: { '200': ok('The story', S.StoryView), '404': error('No such story') },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'An article: original and clean text, sentences, credits',
          parameters: parameters('path', S.IdParams),
          responses: { '200': ok('The article', S.ArticleView), '404': error('No such article') },
        },
      },
      '/api/diff': {
        get: {
          summary: 'Two versions aligned sentence by sentence, with word-level changes',
          parameters: parameters('query', S.DiffQuery),
          responses: {
            '200': ok('Aligned rows', S.PairDiff),
            '400': error('Bad query'),
            '404': error('No such article'),
          },
        },
      },
    },
  };
}
