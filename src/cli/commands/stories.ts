import { type Command, InvalidArgumentError } from 'commander';
import { type Colors, colorEnabled, colors, day, sanitize, shortId, truncate } from '../../report/text.js';
import type { Store, StoryListing, StoryMember } from '../../store/index.js';
import { ExitCode, globalOptions, UsageError, withStore, writeJson, writeOut } from '../context.js';

/** Story ids are "story-" + the opening article's id; people see and type the part after it. */
export function shortStoryId(id: string): string {
  return shortId(id.replace(/^story-/, ''));
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

/** The table of `wiretrace stories`: one line a story, latest news first. */
export function renderStoryList(list: readonly StoryListing[], c: Colors, width: number, db: string): string {
  const header = `${'id'.padEnd(8)}  ${'size'.padStart(4)}  ${'outlets'.padStart(7)}  ${'first'.padEnd(10)}  ${'last'.padEnd(10)}  title`;
  const titleWidth = Math.max(10, width - header.length + 'title'.length);
  const lines = [c.bold(header)];
  for (const s of list) {
    const title = truncate(sanitize(s.title || s.id), titleWidth);
    lines.push(
      `${c.dim(shortStoryId(s.id).padEnd(8))}  ${String(s.size).padStart(4)}  ${String(s.outlets.length).padStart(7)}  ` +
        `${day(s.firstPublished)}  ${day(s.lastPublished)}  ${title}`,
    );
  }
  if (list.length === 0) lines.push(c.dim(`(no stories in ${db}: run wiretrace ingest PATHS…)`));
  return lines.join('\n');
}

interface MemberLine extends StoryMember {
  title: string;
  published?: string;
  outlet?: string;
  source: string;
}

interface StoryDetail {
  story: StoryListing;
  members: MemberLine[];
}

async function storyDetail(store: Store, id: string): Promise<StoryDetail | undefined> {
  const ids = await store.resolveStoryId(id);
  if (ids.length > 1) throw new UsageError(`${id}: ambiguous story id prefix (${ids.slice(0, 5).join(', ')}…)`);
  const story = ids.length === 1 ? await store.getStory(ids[0]) : undefined;
  if (!story) return undefined;
  const members = await store.storyMembers(story.id);
  const listings = new Map((await store.articleListings(members.map((m) => m.article))).map((a) => [a.id, a]));
  return {
    story,
    members: members.map((m) => {
      const a = listings.get(m.article);
      const line: MemberLine = { ...m, title: a?.title ?? '', source: a?.source ?? '' };
      if (a?.published) line.published = a.published;
      if (a?.outlet) line.outlet = a.outlet;
      return line;
    }),
  };
}

function renderStory(detail: StoryDetail, c: Colors, width: number): string {
  const { story, members } = detail;
  const lines = [c.bold(sanitize(story.title || '(untitled)')), ''];
  lines.push(`${c.dim('id'.padEnd(10))} ${story.id}`);
  lines.push(
    `${c.dim('articles'.padEnd(10))} ${story.size} (${story.duplicates} ${story.duplicates === 1 ? 'copy' : 'copies'})`,
  );
  lines.push(`${c.dim('dates'.padEnd(10))} ${day(story.firstPublished).trim()} – ${day(story.lastPublished).trim()}`);
  if (story.outlets.length > 0) lines.push(`${c.dim('outlets'.padEnd(10))} ${sanitize(story.outlets.join(', '))}`);
  lines.push('');
  const outletWidth = Math.min(20, Math.max(6, ...members.map((m) => (m.outlet ?? '').length)));
  const titleWidth = Math.max(10, width - 8 - 2 - 10 - 2 - outletWidth - 2 - 13 - 2);
  for (const m of members) {
    const kind = m.kind === 'duplicate' && m.duplicateOf ? `copy:${shortId(m.duplicateOf)}` : m.kind;
    lines.push(
      `${c.dim(shortId(m.article))}  ${day(m.published)}  ${c.cyan(truncate(sanitize(m.outlet ?? '—'), outletWidth).padEnd(outletWidth))}  ` +
        `${kind.padEnd(13)}  ${truncate(sanitize(m.title || m.source), titleWidth)}`,
    );
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('stories')
    .description(
      'list stories, latest first: size, outlets, first and last date, title; or one story with its articles',
    )
    .argument('[id]', 'a story id (or a unique prefix of it): show that story and its articles')
    .option('--limit <n>', 'list only the n latest stories', positiveInteger)
    .action(async (id: string | undefined, options: { limit?: number }, command: Command) => {
      const { db, json } = globalOptions(command);
      const c = colors(colorEnabled(process.stdout));
      const width = Math.max(60, process.stdout.columns ?? 100);
      if (id === undefined) {
        const list = await withStore(db, (store) => store.listStories({ limit: options.limit }));
        if (json) return writeJson(list);
        return writeOut(renderStoryList(list, c, width, db));
      }
      const detail = await withStore(db, (store) => storyDetail(store, id));
      if (!detail) {
        process.stderr.write(`wiretrace: ${sanitize(id)}: no such story in ${db}\n`);
        process.exitCode = ExitCode.InputFailed;
        return;
      }
      if (json) return writeJson(detail);
      writeOut(renderStory(detail, c, width));
    });
}
