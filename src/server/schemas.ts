/**
 * Request and response schemas of the HTTP API. Requests are validated with them; the OpenAPI
 * document (GET /api/openapi.json) is generated from the same objects, so the two cannot drift.
 */
import { z } from 'zod';
import { FINDING_TYPES } from '../core/types.js';

const span = z.tuple([z.number().int(), z.number().int()]).describe('[start, end) in the original text');

/** An id as the pipeline makes them (hex content ids, story ids): short, no path characters. */
const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'ids are letters, digits, "_", ".", ":" and "-"');

export const IdParams = z.object({ id });
export const DiffQuery = z.object({
  a: id.describe('article shown on the left (the source)'),
  b: id.describe('article shown on the right (the derived version)'),
});
export const StoriesQuery = z.object({
  q: z.string().max(500).optional().describe('words that must all appear in the title, an outlet or an article title'),
  sort: z.enum(['recency', 'size', 'findings']).default('recency'),
});

/** One article to ingest: plain text or HTML, with optional metadata. */
export const IngestArticle = z
  .object({
    id: z.string().max(500).optional().describe('your identifier for it, kept as externalId'),
    title: z.string().max(2_000).optional(),
    text: z.string().max(2_000_000).optional(),
    html: z.string().max(5_000_000).optional(),
    url: z.string().max(4_000).optional(),
    published: z.string().max(100).optional().describe('ISO 8601 date or date-time'),
    outlet: z.string().max(500).optional(),
  })
  .strict();
export const IngestBody = z.object({ articles: z.array(IngestArticle).min(1).max(1_000) }).strict();
export type IngestArticle = z.infer<typeof IngestArticle>;

const credit = z.object({
  kind: z.enum(['agency', 'contributor', 'copyright', 'byline']),
  name: z.string(),
  text: z.string(),
  span,
});
const articleRef = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  url: z.string().optional(),
  published: z.string().optional(),
  outlet: z.string().optional(),
  author: z.string().optional(),
  credits: z.array(credit),
});
const evidence = z.object({ source: span, target: span, kind: z.enum(['identical', 'edited', 'paraphrased']) });
const derivation = z.object({
  source: z.union([z.string(), z.object({ inferred: z.string() })]),
  target: z.string(),
  class: z.enum(['wholly-derived', 'partially-derived']),
  mode: z.enum(['verbatim', 'edited', 'paraphrase']),
  confidence: z.number(),
  evidence: z.array(evidence),
});
const finding = z.object({
  type: z.enum(FINDING_TYPES),
  article: z.string(),
  span,
  text: z.string(),
  sourceArticle: z.string().nullable(),
  sourceSpan: span.nullable(),
  sourceText: z.string().nullable(),
  speaker: z.string().optional(),
  sourceSpeaker: z.string().optional(),
  severity: z.enum(['high', 'medium', 'low']),
  explanation: z.string(),
});

export const StoryListItem = z.object({
  id: z.string(),
  title: z.string(),
  articleCount: z.number().int(),
  outlets: z.array(z.string()),
  firstPublished: z.string().optional(),
  lastPublished: z.string().optional(),
  derivationCount: z.number().int(),
  findingCount: z.number().int(),
});
export const StoryView = z.object({
  id: z.string(),
  title: z.string(),
  articles: z.array(articleRef),
  duplicates: z.array(z.array(z.string())),
  derivations: z.array(derivation),
  findings: z.array(finding),
  brief: z.unknown().describe('the story brief: timeline, facts, quotes, contributions, summary (see README)'),
});
export const ArticleView = articleRef.extend({
  original: z.string(),
  text: z.string(),
  sentences: z.array(z.object({ index: z.number().int(), paragraph: z.number().int(), span, text: z.string() })),
  stories: z.array(z.object({ id: z.string(), title: z.string() })),
});
const diffSide = z.object({ sentences: z.array(z.number().int()), span, text: z.string(), changes: z.array(span) });
export const PairDiff = z.object({
  a: articleRef,
  b: articleRef,
  rows: z.array(
    z.object({
      kind: z.enum(['identical', 'edited', 'paraphrased', 'only-a', 'only-b']),
      similarity: z.number().optional(),
      a: diffSide.nullable(),
      b: diffSide.nullable(),
    }),
  ),
});
export const IngestResponse = z.object({
  results: z.array(
    z.object({
      index: z.number().int(),
      status: z.enum(['inserted', 'updated', 'unchanged', 'error']),
      id: z.string().optional(),
      story: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
});
export const ErrorBody = z.object({ error: z.string() });
