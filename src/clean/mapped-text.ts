import type { OffsetRun } from '../core/types.js';

/**
 * Builds a cleaned string one piece at a time while remembering, for every character, where in
 * the original body it came from. Characters that cleaning invents (the "\n\n" between
 * paragraphs) are appended unmapped; `toOffsetRuns` then compresses the per-character map into
 * the runs of the `OffsetRun` contract (consecutive clean characters that map to consecutive
 * original characters form one run).
 */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  /** Original offset of each UTF-16 code unit appended so far; -1 for invented characters. */
  private readonly origins: number[] = [];

  get length(): number {
    return this.origins.length;
  }

  /** Appends `text`, its code units mapping one-to-one onto the original starting at `origin`. */
  appendMapped(text: string, origin: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.origins.push(origin + i);
  }

  /** Appends `text`, every code unit of which maps to the single original offset `origin`. */
  appendCollapsed(text: string, origin: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.origins.push(origin);
  }

  /** Appends characters that have no counterpart in the original (paragraph separators). */
  appendUnmapped(text: string): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.origins.push(-1);
  }

  /** The last appended code unit, or '' when nothing was appended yet. */
  lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    return last ? last[last.length - 1] : '';
  }

  /** Removes trailing characters in `chars` (used to drop a pending space at a paragraph end). */
  trimEnd(chars: string): void {
    while (this.parts.length > 0) {
      const last = this.parts[this.parts.length - 1];
      let cut = last.length;
      while (cut > 0 && chars.includes(last[cut - 1])) cut--;
      const removed = last.length - cut;
      this.origins.length -= removed;
      if (cut > 0) {
        this.parts[this.parts.length - 1] = last.slice(0, cut);
        return;
      }
      this.parts.pop();
    }
  }

  toString(): string {
    return this.parts.join('');
  }

  toOffsetRuns(): OffsetRun[] {
    const runs: OffsetRun[] = [];
    let current: OffsetRun | undefined;
    for (let i = 0; i < this.origins.length; i++) {
      const origin = this.origins[i];
      if (origin < 0) {
        current = undefined;
        continue;
      }
      if (current && current.original + current.length === origin && current.clean + current.length === i) {
        current.length++;
      } else {
        current = { clean: i, original: origin, length: 1 };
        runs.push(current);
      }
    }
    return runs;
  }
}
