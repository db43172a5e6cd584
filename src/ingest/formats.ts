/**
 * Which reader a file goes to: by extension first, by content when the extension says nothing
 * (no extension, ".dat", ".out"…). Sniffing looks at the first bytes only.
 */
export type FileFormat = 'txt' | 'html' | 'json' | 'jsonl' | 'feed' | 'warc';

const BY_EXTENSION: Array<[RegExp, FileFormat]> = [
  [/\.warc(?:\.gz)?$/i, 'warc'],
  [/\.(?:html?|xhtml|shtml)$/i, 'html'],
  [/\.(?:jsonl|ndjson)$/i, 'jsonl'],
  [/\.json$/i, 'json'],
  [/\.(?:rss|atom|xml|feed)$/i, 'feed'],
  [/\.(?:txt|text)$/i, 'txt'],
];

/**
 * Extensions that are never articles. When walking a directory these are passed over silently
 * (a folder of articles also holds READMEs, images, scripts); named explicitly, they are read.
 */
const NOT_ARTICLES =
  /\.(?:md|markdown|rst|png|jpe?g|gif|webp|svg|ico|pdf|zip|gz|tgz|bz2|xz|7z|tar|css|js|mjs|cjs|ts|map|py|sh|ya?ml|toml|ini|cfg|lock|db|sqlite|wasm|exe|bin|so|dylib|woff2?|ttf|otf|mp[34]|mov|avi|wav)$/i;

export function formatFromExtension(path: string): FileFormat | undefined {
  return BY_EXTENSION.find(([pattern]) => pattern.test(path))?.[1];
}

export function skippedInDirectory(path: string): boolean {
  return !formatFromExtension(path) && NOT_ARTICLES.test(path);
}

/** Content sniffing on the first bytes of a file whose extension said nothing. */
export function sniffFormat(head: Uint8Array): FileFormat {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'warc'; // gzip: only WARC.gz is a gzip input we read
  const text = Buffer.from(head.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('WARC/')) return 'warc';
  if (/^<\?xml/i.test(text) || /^<(?:rss|feed|rdf:RDF)[\s>]/i.test(text)) {
    return /<(?:rss|feed|rdf:RDF)[\s>]/i.test(text) ? 'feed' : 'html';
  }
  if (/^<(?:!doctype\s+html|html|head|body|article|div|p)[\s>]/i.test(text)) return 'html';
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) {
    // JSONL: the first line is a complete object and another line follows.
    const firstLine = text.split('\n', 1)[0].trim();
    try {
      JSON.parse(firstLine);
      return text.includes('\n{') ? 'jsonl' : 'json';
    } catch {
      return 'json';
    }
  }
  return 'txt';
}
