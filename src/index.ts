/**
 * The Wiretrace library: the same pipeline the CLI runs.
 *
 *     import { analyze } from 'wiretrace';
 *     const result = await analyze(['examples/']);
 *
 * The stages are public too, for callers that hold their own articles:
 *
 *     const story = [prepareArticle(wire), prepareArticle(rewrite)];
 *     const graph = trace(story);                 // who copied whom, with evidence
 *     const findings = compare(story, graph);     // what changed on the way
 *     const summary = brief(story, graph, findings);
 *     const pairs = align(story[0], story[1]);    // sentence by sentence
 */
export { align } from './align/index.js';
export { type AnalyzeInput, type AnalyzeOptions, type AnalyzeProgress, analyze, type TextInput } from './analyze.js';
export { brief } from './brief/index.js';
export type {
  Brief,
  BriefFact,
  BriefQuote,
  Citation,
  Contribution,
  SummarySentence,
  TimelineEvent,
} from './brief/types.js';
export {
  type ClusterResult,
  clusterArticles,
  type DocumentFeatures,
  type FeatureJob,
  FeaturePool,
  type FeaturePoolOptions,
  StoryClusterer,
  type StoryClustererOptions,
  storyDocument,
} from './cluster/index.js';
export { compare } from './compare/index.js';
export { articleFromText, prepareArticle } from './core/prepare.js';
export type {
  AlignedPair,
  Alignment,
  AlignmentKind,
  AnalysisResult,
  Article,
  ArticleCopy,
  ArticleSummary,
  CleanArticle,
  Credit,
  Derivation,
  DerivationClass,
  DerivationMode,
  Evidence,
  Finding,
  FindingType,
  InputError,
  ProvenanceGraph,
  RawArticle,
  Sentence,
  SourceRef,
  Span,
  Story,
  Token,
} from './core/types.js';
export { type ArticleListing, openStore, type SaveResult, type Store } from './store/index.js';
export { type TraceResult, trace } from './trace/index.js';
