import { execFileSync } from 'node:child_process';
import { chmod, mkdir, symlink, truncate } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_FILE_BYTES } from './limits.js';
import { collect, PARAGRAPHS, STORY, scratchDir } from './test-fixtures.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeEach(async () => {
  scratch = await scratchDir();
});
afterEach(() => scratch.cleanup());

const page = `<!doctype html><html><head><title>Harbour fire | Northwire</title></head><body><article><h1>Harbour fire</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

describe('readInputs: paths', () => {
  it('walks directories recursively, skipping hidden files and non-article files', async () => {
    await mkdir(path.join(scratch.dir, 'nested', 'deeper'), { recursive: true });
    await mkdir(path.join(scratch.dir, '.cache'));
    await scratch.file('a.txt', STORY);
    await scratch.file('nested/b.html', page);
    await scratch.file('nested/deeper/c.jsonl', `${JSON.stringify({ id: 'c1', text: STORY })}\n`);
    await scratch.file('.hidden.txt', STORY);
    await scratch.file('.cache/d.txt', STORY);
    await scratch.file('README.md', '# notes');
    await scratch.file('truth.json', JSON.stringify({ stories: [{ id: 'harbour' }] }));
    const { articles, errors } = await collect([scratch.dir]);
    expect(errors).toEqual([]);
    expect(articles.map((a) => path.relative(scratch.dir, a.source))).toEqual([
      'a.txt',
      'nested/b.html',
      'nested/deeper/c.jsonl#c1',
    ]);
  });

  it('keeps the given order while it loads the next files ahead, errors in their place', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, '0')}.txt`);
    for (const name of names) await scratch.file(name, `${name}\n\n${STORY}`);
    await scratch.file('07b.txt', '');
    const { articles, errors } = await collect([scratch.dir]);
    expect(articles.map((a) => path.basename(a.source))).toEqual(names);
    expect(errors).toEqual([{ source: path.join(scratch.dir, '07b.txt'), reason: 'empty file' }]);
  });

  it('follows a link to a directory', async () => {
    await mkdir(path.join(scratch.dir, 'real'));
    await scratch.file('real/a.txt', STORY);
    await symlink(path.join(scratch.dir, 'real'), path.join(scratch.dir, 'linked'));
    const { articles } = await collect([path.join(scratch.dir, 'linked')]);
    expect(articles.map((a) => path.relative(scratch.dir, a.source))).toEqual(['linked/a.txt']);
  });

  it('expands glob patterns', async () => {
    await scratch.file('one.txt', STORY);
    await scratch.file('two.txt', STORY);
    await scratch.file('three.html', page);
    const { articles } = await collect([path.join(scratch.dir, '*.txt')]);
    expect(articles.map((a) => path.basename(a.source))).toEqual(['one.txt', 'two.txt']);
  });

  it('sniffs the format of files without a telling extension', async () => {
    await scratch.file('page.dat', page);
    await scratch.file(
      'records',
      `${JSON.stringify({ id: 'r1', text: STORY })}\n${JSON.stringify({ id: 'r2', text: STORY })}\n`,
    );
    const { articles } = await collect([path.join(scratch.dir, 'page.dat'), path.join(scratch.dir, 'records')]);
    expect(articles.map((a) => a.format)).toEqual(['html', 'json', 'json']);
  });
});

describe('readInputs: bad input gives one clear error and the batch goes on', () => {
  it('a binary file', async () => {
    const file = await scratch.file(
      'photo.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    );
    const good = await scratch.file('good.txt', STORY);
    const { articles, errors } = await collect([file, good]);
    expect(errors).toEqual([{ source: file, reason: 'binary file (NUL or control bytes), not text' }]);
    expect(articles).toHaveLength(1);
  });

  it('an empty file', async () => {
    const file = await scratch.file('empty.txt', '');
    const { errors } = await collect([file]);
    expect(errors).toEqual([{ source: file, reason: 'empty file' }]);
  });

  it('an HTML page with no article', async () => {
    const file = await scratch.file(
      'login.html',
      '<html><body><nav>Home</nav><form><input name="user"><button>Sign in</button></form></body></html>',
    );
    const { errors } = await collect([file]);
    expect(errors).toHaveLength(1);
    expect(errors[0].source).toBe(file);
    expect(errors[0].reason).toMatch(/^HTML page with no article text/);
  });

  it('a 50 MB text file, over the per-article size limit', async () => {
    const file = await scratch.file('huge.txt', 'x');
    await truncate(file, 50 * 1024 * 1024); // sparse: nothing big is written to disk
    expect(MAX_ARTICLE_FILE_BYTES).toBe(20 * 1024 * 1024);
    const { errors } = await collect([file]);
    expect(errors).toEqual([{ source: file, reason: 'file too large for one article (50 MB; limit 20 MB)' }]);
  });

  it('a path that does not exist, and one that cannot be read', async () => {
    const missing = path.join(scratch.dir, 'missing.txt');
    const locked = await scratch.file('locked.txt', STORY);
    await chmod(locked, 0o000);
    const { errors } = await collect([missing, locked]);
    expect(errors[0]).toEqual({ source: missing, reason: 'cannot read: no such file or directory' });
    // root can read anything; the permission case only shows for ordinary users
    if (process.getuid?.() !== 0)
      expect(errors[1]).toEqual({ source: locked, reason: 'cannot read: permission denied' });
  });

  it('a named pipe given by mistake is refused, not waited on', async () => {
    const fifo = path.join(scratch.dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const { errors } = await collect([fifo]);
    expect(errors).toEqual([{ source: fifo, reason: 'not a regular file' }]);
  });

  it('a glob that matches nothing', async () => {
    const pattern = path.join(scratch.dir, '*.nothing');
    const { errors } = await collect([pattern]);
    expect(errors).toEqual([{ source: pattern, reason: 'no files match this pattern' }]);
  });
});
