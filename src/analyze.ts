import { brief } from './brief/index.js';
import { clusterArticles, publicationOrder } from './cluster/index.js';
import { compare } from './compare/index.js';
import { articleFromText, prepareArticle, type TextMetadata } from './core/prepare.js';
import type {
  AnalysisResult,
  Article,
  ArticleCopy,
  ArticleSummary,
  CleanArticle,
  InputError,
  RawArticle,
  Story,
} from './core/types.js';
import { readInputs } from './ingest/index.js';
import { isInputError } from './store/ingest.js';
import type { Store } from './store/store.js';
import { trace } from './trace/index.js';

/** Plain text with optional metadata: the easiest way to hand articles to the library. */
export interface TextInput extends TextMetadata {
  text: string;
}

export type AnalyzeInput = RawArticle | TextInput;

export interface AnalyzeOptions {
  /** Also save the articles here (one transaction per batch of `batchSize`). */
  store?: Store;
  batchSize?: number;
  /** Told about each input that could not become an article, as soon as it is known. */
  onError?: (error: InputError) => void;
  /** Told as the work moves on: each input read, then each story analysed (for a progress bar). */
  onProgress?: (progress: AnalyzeProgress) => void;
}

/**
 * Where a long analysis stands. Reading counts inputs as they are read (their number is not
 * known in advance: directories and feeds unfold as they go). Stories are announced as each one
 * starts (`done` stories finished, `story` the one under way), and once more when all are done.
 */
export type AnalyzeProgress =
  | { stage: 'reading'; done: number; source: string }
  | { stage: 'stories'; done: number; total: number; story: { id: string; title: string; articles: number } };

/** The articles of one analysis, before they are summarised: for callers that go on to other stages. */
export interface PreparedInputs {
  /** One article per distinct content, in input order. */
  articles: Article[];
  /** Later inputs with the same content as an earlier one, by article id. */
  copies: Map<string, CleanArticle[]>;
  errors: InputError[];
}

function isTextInput(input: AnalyzeInput): input is TextInput {
  return typeof (input as TextInput).text === 'string' && typeof (input as RawArticle).body !== 'string';
}

async function* asItems(inputs: string[] | AnalyzeInput[]): AsyncIterable<RawArticle | InputError | Article> {
  if (inputs.length > 0 && typeof inputs[0] === 'string') {
    yield* readInputs(inputs as string[]);
    return;
  }
  for (const [i, input] of (inputs as AnalyzeInput[]).entries()) {
    if (isTextInput(input)) {
      const { text, ...meta } = input;
      yield articleFromText(text, { source: `input#${i + 1}`, ...meta });
    } else yield input;
  }
}

/**
 * Reads, cleans and segments every input; exact copies (same content hash) become one article
 * with copies. Bad inputs are collected, never thrown. With a store, articles are saved as they
 * come, a batch per transaction.
 */
export async function prepareInputs(
  inputs: string[] | AnalyzeInput[],
  options: AnalyzeOptions = {},
): Promise<PreparedInputs> {
  const prepared: PreparedInputs = { articles: [], copies: new Map(), errors: [] };
  const byHash = new Map<string, Article>();
  const batchSize = Math.max(1, options.batchSize ?? 100);
  let pending: Article[] = [];
  const fail = (error: InputError) => {
    prepared.errors.push(error);
    options.onError?.(error);
  };
  let read = 0;
  for await (const item of asItems(inputs)) {
    options.onProgress?.({ stage: 'reading', done: ++read, source: item.source });
    if (isInputError(item)) {
      fail(item);
      continue;
    }
    let article: Article;
    try {
      article = 'sentences' in item ? item : prepareArticle(item as RawArticle);
    } catch (error) {
      fail({ source: item.source, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (article.text.trim() === '') {
      fail({ source: article.source, reason: 'no article text left after cleaning' });
      continue;
    }
    const first = byHash.get(article.contentHash);
    if (first) {
      prepared.copies.set(first.id, [...(prepared.copies.get(first.id) ?? []), article]);
    } else {
      byHash.set(article.contentHash, article);
      prepared.articles.push(article);
    }
    pending.push(article);
    if (options.store && pending.length >= batchSize) {
      await options.store.saveArticles(pending);
      pending = [];
    }
  }
  if (options.store) {
    await options.store.saveArticles(pending);
    await options.store.recordErrors(prepared.errors);
  }
  return prepared;
}

/** The JSON summary of one article; missing metadata is filled from its exact copies. */
export function summarizeArticle(article: Article, copies: readonly CleanArticle[] = []): ArticleSummary {
  const fill = <K extends 'title' | 'published' | 'outlet' | 'url'>(key: K) =>
    article[key] || copies.find((c) => c[key])?.[key] || undefined;
  const summary: ArticleSummary = {
    id: article.id,
    path: article.source,
    title: fill('title') ?? '',
    credits: article.credits,
  };
  const url = fill('url');
  const published = fill('published');
  const outlet = fill('outlet');
  if (url) summary.url = url;
  if (published) summary.published = published;
  if (outlet) summary.outlet = outlet;
  if (copies.length > 0) {
    summary.copies = copies.map((c) => {
      const copy: ArticleCopy = { path: c.source };
      if (c.url) copy.url = c.url;
      if (c.title) copy.title = c.title;
      if (c.published) copy.published = c.published;
      if (c.outlet) copy.outlet = c.outlet;
      return copy;
    });
  }
  return summary;
}

/** Which stages to run after tracing: `trace` alone needs neither, `findings` no brief. */
export interface StoryStages {
  findings?: boolean;
  brief?: boolean;
}

/**
 * One story's provenance graph, findings and brief, from its articles (earliest first): the
 * stages in the order each needs the previous one's output. Left-out stages leave `findings`
 * empty and `brief` absent.
 */
export function analyzeStory(
  story: { id: string; title: string },
  articles: Article[],
  stages: StoryStages = { findings: true, brief: true },
): Story {
  const traced = trace(articles);
  const findings = stages.findings || stages.brief ? compare(articles, traced) : [];
  const result: Story = {
    id: story.id,
    title: story.title,
    articles: articles.map((a) => a.id),
    duplicates: traced.duplicates,
    derivations: traced.derivations,
    findings: stages.findings ? findings : [],
  };
  if (stages.brief) result.brief = brief(articles, traced, findings);
  return result;
}

export interface StoriesOptions {
  stages?: StoryStages;
  /** All articles are versions of one story: no clustering (for hand-picked versions). */
  oneStory?: boolean;
  onProgress?: (progress: AnalyzeProgress) => void;
}

/**
 * Sorts prepared articles into stories (online clustering in publication order, as a live feed
 * would arrive) and analyses each story on its own: provenance never links articles across stories.
 */
export async function analyzeStories(articles: Article[], options: StoriesOptions = {}): Promise<Story[]> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  let groups: { id: string; title: string; articles: string[] }[] = [];
  if (options.oneStory) groups = articles.length > 0 ? [storyOfAll(articles)] : [];
  else groups = clusterArticles(articles).stories;
  const stories: Story[] = [];
  for (const [i, group] of groups.entries()) {
    const members = group.articles.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
    const about = { id: group.id, title: group.title, articles: members.length };
    options.onProgress?.({ stage: 'stories', done: i, total: groups.length, story: about });
    // A story takes from milliseconds to seconds of solid work: between two, let timers (a
    // progress bar) and signals (Ctrl-C) through.
    await new Promise((resolve) => setImmediate(resolve));
    stories.push(analyzeStory(group, members, options.stages));
  }
  const last = stories[stories.length - 1];
  if (last) {
    const about = { id: last.id, title: last.title, articles: last.articles.length };
    options.onProgress?.({ stage: 'stories', done: stories.length, total: stories.length, story: about });
  }
  return stories;
}

/** The story of hand-picked versions: named after its earliest article, as a clustered story is. */
function storyOfAll(articles: Article[]): { id: string; title: string; articles: string[] } {
  const ordered = [...articles].sort(publicationOrder);
  return { id: `story-${ordered[0].id}`, title: ordered[0].title, articles: ordered.map((a) => a.id) };
}

/** The result of an analysis from its prepared inputs and the stories found among them. */
export function analysisResult(prepared: PreparedInputs, stories: Story[]): AnalysisResult {
  return {
    articles: prepared.articles.map((a) => summarizeArticle(a, prepared.copies.get(a.id))),
    stories,
    errors: prepared.errors,
  };
}

/**
 * The whole pipeline on a set of inputs: file paths (directories, globs, "-" for stdin),
 * RawArticles, or `{ text, title?, published?, outlet? }` objects. The articles are sorted into
 * stories; each story gets its provenance graph, its findings and its brief.
 *
 *     const result = await analyze(['examples/']);
 *     for (const story of result.stories) {
 *       console.log(story.title);
 *       for (const d of story.derivations) console.log(' ', d.source, '→', d.target, d.class, d.mode);
 *       for (const f of story.findings) console.log(' ', f.type, f.explanation);
 *     }
 */
export async function analyze(
  inputs: string[] | AnalyzeInput[],
  options: AnalyzeOptions = {},
): Promise<AnalysisResult> {
  const prepared = await prepareInputs(inputs, options);
  const stories = await analyzeStories(prepared.articles, { onProgress: options.onProgress });
  return analysisResult(prepared, stories);
}
