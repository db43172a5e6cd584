/** Derived facts about a story that several views need: names, duplicate groups, roles. */
import type { Derivation, Finding, SourceRef } from '../../src/core/types.js';
import type { ArticleRef, StoryView } from './data.js';
import { percent, shortDate } from './format.js';

export function articleName(ref: ArticleRef | undefined): string {
  if (!ref) return 'unknown article';
  return ref.outlet ?? (ref.title || ref.source);
}

export function byId(story: StoryView): Map<string, ArticleRef> {
  return new Map(story.articles.map((a) => [a.id, a]));
}

/** Each article's representative: the first id of its duplicate group, or itself. */
export function representatives(story: StoryView): Map<string, string> {
  const rep = new Map<string, string>();
  for (const group of story.duplicates) for (const id of group) rep.set(id, group[0]);
  return rep;
}

export function sourceName(source: SourceRef, refs: Map<string, ArticleRef>): string {
  return typeof source === 'string' ? articleName(refs.get(source)) : `common source: ${source.inferred}`;
}

export const CLASS_LABEL: Record<Derivation['class'], string> = {
  'wholly-derived': 'wholly derived',
  'partially-derived': 'partly derived',
};

export function derivationLabel(d: Derivation): string {
  return `${CLASS_LABEL[d.class]} · ${d.mode} · ${percent(d.confidence)}`;
}

/** How a version came to be, in words: "wholly derived from Lakewire (verbatim, 92%)". */
export function versionRole(story: StoryView, id: string): string {
  const refs = byId(story);
  const group = story.duplicates.find((g) => g.includes(id));
  if (group && group[0] !== id) return `copy of ${articleName(refs.get(group[0]))} (${shortDate(refs.get(group[0])?.published)})`;
  const incoming = story.derivations.filter((d) => d.target === id);
  if (incoming.length > 0) {
    return incoming
      .map((d) => `${CLASS_LABEL[d.class]} from ${sourceName(d.source, refs)} (${d.mode}, ${percent(d.confidence)})`)
      .join('; ');
  }
  if (story.derivations.some((d) => d.source === id)) return 'source';
  return 'independent';
}

export const FINDING_LABEL: Record<Finding['type'], string> = {
  'quote-altered': 'quote altered',
  'quote-misattributed': 'quote misattributed',
  'quote-unsourced': 'quote without source',
  'number-changed': 'number changed',
  'hedge-changed': 'hedge changed',
  'date-changed': 'date changed',
  conflict: 'conflicting figures',
};
