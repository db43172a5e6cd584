/**
 * Term ids and document frequencies, maintained incrementally: every article that enters the
 * stream adds one to the document frequency of each distinct term it holds, so IDF is always
 * "as of now" without ever recounting the corpus.
 */

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private df = new Int32Array(1024);
  /** ln(df + 1) of each term, kept in step with `df`. */
  private logDf = new Float64Array(1024);
  /** ln(documents + 1) + 1. */
  private logDocuments = 1;
  /** Number of documents counted so far. */
  documents = 0;

  get size(): number {
    return this.terms.length;
  }

  /** The id of a term, creating it if new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      if (id >= this.df.length) {
        const grown = new Int32Array(this.df.length * 2);
        grown.set(this.df);
        this.df = grown;
        const logs = new Float64Array(grown.length);
        logs.set(this.logDf);
        this.logDf = logs;
      }
    }
    return id;
  }

  lookup(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.terms[id];
  }

  documentFrequency(id: number): number {
    return this.df[id];
  }

  /** Counts one document holding these distinct term ids. */
  addDocument(distinctIds: ArrayLike<number>): void {
    this.documents++;
    this.logDocuments = Math.log(this.documents + 1) + 1;
    for (let i = 0; i < distinctIds.length; i++) {
      const id = distinctIds[i];
      this.df[id]++;
      this.logDf[id] = Math.log(this.df[id] + 1);
    }
  }

  /**
   * Smoothed inverse document frequency, ln((N + 1) / (df + 1)) + 1 (scikit-learn's smooth_idf):
   * never zero, so a term every article carries still counts a little, and finite for new terms.
   */
  idf(id: number): number {
    // ln((N + 1) / (df + 1)) + 1 as ln(N + 1) + 1 − ln(df + 1); both logarithms change only when
    // a document is added, so they are kept rather than recomputed on every call.
    return this.logDocuments - this.logDf[id];
  }

  toJSON(): { documents: number; terms: string[]; df: number[] } {
    return {
      documents: this.documents,
      terms: [...this.terms],
      df: Array.from(this.df.subarray(0, this.terms.length)),
    };
  }

  static fromJSON(state: { documents: number; terms: string[]; df: number[] }): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const term of state.terms) vocabulary.intern(term);
    vocabulary.df.set(state.df);
    for (let id = 0; id < state.df.length; id++) vocabulary.logDf[id] = Math.log(state.df[id] + 1);
    vocabulary.documents = state.documents;
    vocabulary.logDocuments = Math.log(state.documents + 1) + 1;
    return vocabulary;
  }
}
