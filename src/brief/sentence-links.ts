import type { Alignment } from '../core/types.js';
import { DisjointSets } from './disjoint-sets.js';

/** "article#sentence": one node of the sentence graph. */
function key(article: string, sentence: number): string {
  return `${article}#${sentence}`;
}

/**
 * The same sentence across versions, from the aligner's judgement: two sentences are linked when
 * an alignment pairs them (identical, edited or paraphrased: a paraphrase still reports the same
 * thing), and "the same sentence" is the transitive closure, so that a wire sentence, an outlet's
 * edit of it and a content farm's rewrite of the edit are one.
 */
export class SentenceLinks {
  private readonly sets = new DisjointSets<string>();
  private readonly members = new Map<string, { article: string; sentence: number }[]>();
  /** Per article, per other article: the sentences of the first that the alignment pairs. */
  private readonly pairedWith = new Map<string, Map<string, Set<number>>>();

  constructor(alignments: readonly Alignment[]) {
    for (const alignment of alignments) {
      for (const pair of alignment.pairs) {
        const nodes = [...pair.a.map((s) => key(alignment.a, s)), ...pair.b.map((s) => key(alignment.b, s))];
        for (const n of nodes.slice(1)) this.sets.union(nodes[0], n);
        for (const s of pair.a) this.markPaired(alignment.a, alignment.b, s);
        for (const s of pair.b) this.markPaired(alignment.b, alignment.a, s);
      }
    }
  }

  private markPaired(article: string, other: string, sentence: number): void {
    const byOther = this.pairedWith.get(article) ?? new Map<string, Set<number>>();
    this.pairedWith.set(article, byOther);
    const set = byOther.get(other) ?? new Set<number>();
    byOther.set(other, set);
    set.add(sentence);
  }

  /** The key of the sentence's group: equal for two sentences exactly when they are linked. */
  group(article: string, sentence: number): string {
    return this.sets.find(key(article, sentence));
  }

  /** Whether the alignment of `article` with `other` pairs this sentence of `article` with anything. */
  isPaired(article: string, sentence: number, other: string): boolean {
    return this.pairedWith.get(article)?.get(other)?.has(sentence) ?? false;
  }

  /** Whether an alignment of `article` with `other` exists (the trace judged the pair). */
  hasAlignment(article: string, other: string): boolean {
    return this.pairedWith.get(article)?.has(other) ?? false;
  }

  /** Every sentence linked to this one, itself included, as (article, sentence). */
  linked(article: string, sentence: number): { article: string; sentence: number }[] {
    if (this.members.size === 0) this.index();
    return this.members.get(this.group(article, sentence)) ?? [{ article, sentence }];
  }

  private index(): void {
    for (const node of [...this.sets.keys()]) {
      const root = this.sets.find(node);
      const at = node.lastIndexOf('#');
      const list = this.members.get(root) ?? [];
      list.push({ article: node.slice(0, at), sentence: Number(node.slice(at + 1)) });
      this.members.set(root, list);
    }
  }
}
