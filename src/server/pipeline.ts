import { align } from '../align/index.js';
import { brief } from '../brief/index.js';
import { clusterArticles } from '../cluster/index.js';
import { compare } from '../compare/index.js';
import { prepareArticle } from '../core/prepare.js';
import { readHtml } from '../ingest/html/index.js';
import { isInputError } from '../ingest/types.js';
import { trace } from '../trace/index.js';
import type { Pipeline } from './service.js';

/** The real stages, as `wiretrace serve` runs them. */
export const pipeline: Pipeline = {
  prepare: prepareArticle,
  readHtml(html, source) {
    const result = readHtml(source, html);
    if (isInputError(result)) throw new Error(result.reason);
    return result;
  },
  cluster: (articles) => clusterArticles(articles),
  analyze(articles) {
    const traced = trace(articles);
    const findings = compare(articles, traced);
    return {
      duplicates: traced.duplicates,
      derivations: traced.derivations,
      findings,
      brief: brief(articles, traced, findings),
      alignments: traced.alignments,
    };
  },
  align,
};
