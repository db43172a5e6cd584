import type { Command } from 'commander';
import type { Article } from '../../core/types.js';
import { type Colors, colorEnabled, colors, sanitize, shortId, wrap } from '../../report/text.js';
import type { StoryListing, StoryMember } from '../../store/index.js';
import { ExitCode, globalOptions, UsageError, withStore, writeJson, writeOut } from '../context.js';
import { shortStoryId } from './stories.js';

/** The article's story, for `show`: where it sits and how it got there. */
export interface ArticleStory {
  story: StoryListing;
  membership: StoryMember;
}

function storyLine(s: ArticleStory, c: Colors): string {
  const { story, membership } = s;
  const how =
    membership.kind === 'duplicate' && membership.duplicateOf
      ? `copy of ${shortId(membership.duplicateOf)}`
      : membership.kind === 'new'
        ? 'opened it'
        : membership.kind;
  return (
    `${shortStoryId(story.id)} ${c.dim('—')} ${sanitize(story.title)} ` +
    c.dim(`(${story.size} article${story.size === 1 ? '' : 's'}, ${story.outlets.length} outlets; ${how})`)
  );
}

/** The article as a reader wants it: metadata, credits, then the clean text with numbered sentences. */
export function renderArticle(a: Article, c: Colors, width: number, story?: ArticleStory): string {
  const lines = [c.bold(sanitize(a.title || '(untitled)')), ''];
  const meta: [string, string | undefined][] = [
    ['id', a.id],
    ['published', a.published],
    ['outlet', a.outlet],
    ['author', a.author],
    ['url', a.url],
    ['source', a.source],
    ['format', a.format],
  ];
  for (const [key, value] of meta) if (value) lines.push(`${c.dim(key.padEnd(10))} ${sanitize(value)}`);
  if (story) lines.push(`${c.dim('story'.padEnd(10))} ${storyLine(story, c)}`);
  for (const credit of a.credits) {
    lines.push(
      `${c.dim('credit'.padEnd(10))} ${credit.kind}: ${sanitize(credit.name)} ${c.dim(`— “${sanitize(credit.text)}”`)}`,
    );
  }
  let paragraph = -1;
  const numberWidth = String(a.sentences.length).length + 2;
  for (const s of a.sentences) {
    if (s.paragraph !== paragraph) {
      lines.push('');
      paragraph = s.paragraph;
    }
    const wrapped = wrap(s.text, Math.max(20, width - numberWidth - 1));
    lines.push(`${c.dim(`[${s.index + 1}]`.padStart(numberWidth))} ${wrapped[0]}`);
    for (const more of wrapped.slice(1)) lines.push(`${' '.repeat(numberWidth)} ${more}`);
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('show')
    .description('one stored article: metadata, credits, its story, clean text with numbered sentences')
    .argument('<id>', 'article id or a unique prefix of it')
    .action(async (id: string, _options: unknown, command: Command) => {
      const { db, json } = globalOptions(command);
      const { article, story } = await withStore(db, async (store) => {
        const ids = await store.resolveId(id);
        if (ids.length > 1) throw new UsageError(`${id}: ambiguous id prefix (${ids.slice(0, 5).join(', ')}…)`);
        if (ids.length === 0) return {};
        const membership = await store.storyOfArticle(ids[0]);
        const listing = membership ? await store.getStory(membership.story) : undefined;
        return {
          article: await store.getArticle(ids[0]),
          story: membership && listing ? { story: listing, membership } : undefined,
        };
      });
      if (!article) {
        process.stderr.write(`wiretrace: ${sanitize(id)}: no such article in ${db}\n`);
        process.exitCode = ExitCode.InputFailed;
        return;
      }
      // JSON: the Article as stored, plus `story` when the article has been placed in one.
      if (json) return writeJson(story ? { ...article, story } : article);
      writeOut(
        renderArticle(
          article,
          colors(colorEnabled(process.stdout)),
          Math.min(120, process.stdout.columns ?? 100),
          story,
        ),
      );
    });
}
