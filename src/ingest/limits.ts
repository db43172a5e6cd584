/**
 * Size limits. A news article is 2–50 KB of text and its page 50 KB–3 MB of HTML; the largest
 * pages in the extraction benchmark are ~1.5 MB. Anything far beyond is not an article (a log
 * file, a database dump, a book) and would only stall the batch, so it is refused with a clear
 * message rather than read.
 */

/** One-article files (.txt, .html, .json): 20 MB is ten times the heaviest real page. */
export const MAX_ARTICLE_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Batch files (.jsonl, feeds, WARC) are streamed record by record and may be large; each
 * record is still held to the one-article limit. Feeds are parsed whole (XML), so they get a
 * separate, larger cap: 200 MB is a feed dump of tens of thousands of items.
 */
export const MAX_RECORD_BYTES = MAX_ARTICLE_FILE_BYTES;
export const MAX_FEED_FILE_BYTES = 200 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
