import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * "earlier this year", "early March", "mid-September", "late last month": chrono finds the period
 * and leaves the qualifier outside the match. The qualifier does not change the date at month or
 * year precision, but it belongs to what the article wrote, so the span should cover it (a reader
 * shown the evidence sees "earlier this year", not "this year").
 */
const QUALIFIER =
  /(?:^|[^\p{L}])((?:earlier|later|early|late|mid|the\s+middle\s+of|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|end\s+of|start\s+of)(?:\s+|-))$/iu;

export const qualifierRefiner: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const result of results) {
      const before = context.text.slice(Math.max(0, result.index - 30), result.index);
      const match = QUALIFIER.exec(before);
      if (!match) continue;
      const qualifier = match[1];
      result.index -= qualifier.length;
      result.text = context.text.slice(result.index, result.index + qualifier.length + result.text.length);
      result.addTag('wiretrace/qualified');
    }
    return results;
  },
};
