import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { PreparedInputs, StoryStages } from '../analyze.js';
import type { AnalysisResult, InputError } from '../core/types.js';
import { sanitize } from '../report/text.js';
import { ExitCode, globalOptions, inputErrorLine, storeChosen, UsageError, withStore } from './context.js';
import { progressDisplay, progressWanted } from './progress.js';

export interface StoryRun {
  prepared: PreparedInputs;
  result: AnalysisResult;
}

export interface StoryRunOptions {
  stages: StoryStages;
  /** All inputs are versions of one story: no clustering. */
  oneStory?: boolean;
  /** A stored story (id or unique prefix, "story-" optional) instead of PATHS. */
  story?: string;
}

/**
 * What `analyze`, `trace` and `findings` share: read the inputs (stored too when --db is given),
 * sort them into stories, run the requested stages per story, with progress on a terminal and
 * each bad input named on stderr as soon as it is known. With `story`, the articles of that
 * stored story are analysed instead; a story that is not there is reported on stderr, with exit
 * status 1, and the result is undefined.
 */
export async function runStories(
  paths: string[],
  command: Command,
  options: StoryRunOptions,
): Promise<StoryRun | undefined> {
  if (options.story !== undefined && paths.length > 0) throw new UsageError('give PATHS… or --story ID, not both');
  if (options.story === undefined && paths.length === 0) throw new UsageError('no inputs: give PATHS… or --story ID');
  const { db, json, quiet } = globalOptions(command);
  // Loaded here, not at start-up: the pipeline is heavy, and `--help` should be quick.
  const { analysisResult, analyzeStories } = await import('../analyze.js');
  const progress = progressDisplay(progressWanted({ json, quiet }));
  const onError = (error: InputError) => progress.log(inputErrorLine(error));
  const onProgress = progress.update;
  try {
    let prepared: PreparedInputs;
    if (options.story !== undefined) {
      const stored = await storedStory(options.story, command);
      if (!stored) return undefined;
      const { story, ...rest } = stored;
      prepared = rest;
      // The story is already a story: clustering it again could only split it.
      const stories = await analyzeStories(prepared.articles, { ...options, oneStory: true, onProgress });
      return {
        prepared,
        result: analysisResult(
          prepared,
          stories.map((s) => ({ ...s, ...story })),
        ),
      };
    }
    const { prepareInputs } = await import('../analyze.js');
    // Without --db the analysis stays in memory: a one-shot run should leave no file behind.
    prepared = storeChosen(command)
      ? await withStore(db, (store) => prepareInputs(paths, { store, onError, onProgress }))
      : await prepareInputs(paths, { onError, onProgress });
    const stories = await analyzeStories(prepared.articles, { ...options, onProgress });
    return { prepared, result: analysisResult(prepared, stories) };
  } finally {
    progress.stop();
  }
}

/** The articles of a stored story, and its id and title as the store knows them. */
async function storedStory(
  id: string,
  command: Command,
): Promise<(PreparedInputs & { story: { id: string; title: string } }) | undefined> {
  const notFound = (message: string) => {
    process.stderr.write(`wiretrace: ${sanitize(message)}\n`);
    process.exitCode = ExitCode.InputFailed;
    return undefined;
  };
  const { db } = globalOptions(command);
  // Opening the default store would create an empty one: a story can only be in a store that exists.
  if (!storeChosen(command) && !existsSync(db)) {
    return notFound(`${id}: no store at ${db} (run wiretrace ingest first, or give --db)`);
  }
  return withStore(db, async (store) => {
    const ids = await store.resolveStoryId(id);
    const exact = ids.find((candidate) => candidate === id || candidate === `story-${id}`);
    if (!exact && ids.length > 1) throw new UsageError(`${id}: ambiguous story id (${ids.slice(0, 5).join(', ')}…)`);
    const story = ids.length > 0 ? await store.getStory(exact ?? ids[0]) : undefined;
    if (!story) return notFound(`${id}: no such story in ${db} (see wiretrace stories)`);
    const articles = await store.storyArticles(story.id);
    return { articles, copies: new Map(), errors: [], story: { id: story.id, title: story.title } };
  });
}
