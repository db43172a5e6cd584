import type { Alignment, AnalysisResult, Article } from '../core/types.js';
import type { Pipeline, StoryAnalysis } from './service.js';

/**
 * A Pipeline that answers from an analysis already made (`analyze` output): the HTML report
 * shows exactly what the run found instead of recomputing it. Only the side-by-side views need
 * fresh work, through `align`.
 */
export function frozenPipeline(result: AnalysisResult, align: (a: Article, b: Article) => Alignment): Pipeline {
  const key = (ids: readonly string[]) => [...ids].sort().join(',');
  const byMembers = new Map(result.stories.map((s) => [key(s.articles), s]));
  return {
    prepare() {
      throw new Error('a report is read-only: it cannot ingest articles');
    },
    readHtml() {
      throw new Error('a report is read-only: it cannot ingest articles');
    },
    cluster(articles) {
      const present = new Set(articles.map((a) => a.id));
      return {
        stories: result.stories.map((s) => ({
          id: s.id,
          title: s.title,
          articles: s.articles.filter((id) => present.has(id)),
        })),
      };
    },
    analyze(articles): StoryAnalysis {
      const story = byMembers.get(key(articles.map((a) => a.id)));
      return {
        duplicates: story?.duplicates ?? [],
        derivations: story?.derivations ?? [],
        findings: story?.findings ?? [],
        brief: story?.brief,
        alignments: [],
      };
    },
    align,
  };
}
