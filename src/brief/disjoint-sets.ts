/**
 * Union-find over any keys, with path compression. The brief groups things transitively in four
 * places (independent sources, linked sentences, same quantities, same quotes); this is the one
 * implementation they share. The smaller key (by `<`) becomes the root, so that groups are
 * deterministic whatever order the unions come in.
 */
export class DisjointSets<K extends string | number> {
  private readonly parent = new Map<K, K>();

  find(key: K): K {
    let root = key;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    if (!this.parent.has(key)) this.parent.set(key, key);
    let node = key;
    while (node !== root) {
      const next = this.parent.get(node) as K;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  union(a: K, b: K): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (rb < ra) this.parent.set(ra, rb);
    else this.parent.set(rb, ra);
  }

  /** Every key seen so far. */
  keys(): IterableIterator<K> {
    return this.parent.keys();
  }
}
