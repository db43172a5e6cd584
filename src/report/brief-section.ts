import type { Brief, BriefFact, BriefQuote, Contribution, TimelineEvent } from '../brief/types.js';
import { heading, type ReportContext, type StorySection } from './context.js';
import { sanitize, shortId, truncate, wrap } from './text.js';

/**
 * The story brief in the terminal: summary, timeline, facts with their independent-source counts,
 * quotes with their variants, and what each version added and dropped. Lists are cut at a few
 * items per block (the JSON has everything): a terminal report is read, not searched.
 */
const MAX_FACTS = 10;
const MAX_QUOTES = 8;
const MAX_SENTENCES_PER_VERSION = 3;

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** An article by its outlet (or short id when it has none): compact enough to list several. */
function who(ctx: ReportContext, id: string): string {
  const outlet = ctx.article(id)?.outlet;
  return outlet ? truncate(sanitize(outlet), 24) : shortId(id);
}

function whoList(ctx: ReportContext, ids: string[], max = 4): string {
  const names = ids.slice(0, max).map((id) => who(ctx, id));
  return names.join(', ') + (ids.length > max ? ` +${ids.length - max}` : '');
}

function sourcesLabel(ctx: ReportContext, sources: number, versions: number): string {
  const text = `${sources} independent source${sources === 1 ? '' : 's'}${versions > sources ? `, ${versions} versions` : ''}`;
  return sources > 1 ? ctx.c.green(text) : ctx.c.dim(text);
}

/** Text wrapped under a first-line prefix, continuation lines indented to match. */
function block(ctx: ReportContext, prefix: string, text: string, indent: string): string[] {
  const room = Math.max(20, ctx.width - indent.length);
  const lines = wrap(text, room);
  return lines.map((line, i) => (i === 0 ? `${prefix}${line}` : `${indent}${line}`));
}

function summaryLines(ctx: ReportContext, brief: Brief): string[] {
  if (brief.summary.length === 0) return [];
  const lines = [heading(ctx, '    Summary')];
  brief.summary.forEach((s, i) => {
    const n = `${i + 1}.`.padEnd(3);
    lines.push(...block(ctx, `      ${n} `, `${s.text} ${ctx.c.dim(`[${who(ctx, s.article)}]`)}`, '          '));
  });
  return lines;
}

function timelineLines(ctx: ReportContext, events: TimelineEvent[]): string[] {
  if (events.length === 0) return [];
  const lines = [heading(ctx, '    Timeline')];
  for (const e of events) {
    const date = ctx.c.cyan(e.date.padEnd(10));
    const said = e.reports[0]?.date.text ?? '';
    lines.push(
      ...block(
        ctx,
        `      ${date}  `,
        `${e.text} ${ctx.c.dim(`("${said}"; ${whoList(ctx, e.articles)})`)}`,
        `${' '.repeat(18)}`,
      ),
    );
  }
  return lines;
}

function factLines(ctx: ReportContext, facts: BriefFact[]): string[] {
  if (facts.length === 0) return [];
  const lines = [heading(ctx, `    Facts${facts.length > MAX_FACTS ? ` (top ${MAX_FACTS} of ${facts.length})` : ''}`)];
  for (const f of facts.slice(0, MAX_FACTS)) {
    lines.push(
      ...block(
        ctx,
        '      • ',
        `${ctx.c.bold(sanitize(f.text))}  ${sourcesLabel(ctx, f.sources, f.articles.length)} ${ctx.c.dim(`(${whoList(ctx, f.articles)})`)}`,
        '        ',
      ),
    );
    for (const v of f.conflicts) {
      const mark = v.differs === 'value' ? ctx.c.red('≠ ') : ctx.c.yellow('~ ');
      const flags = v.findings.length > 0 ? ctx.c.red(` [${v.findings.join(', ')}]`) : '';
      lines.push(
        ...block(
          ctx,
          `        ${mark}`,
          `${sanitize(v.text)}  ${ctx.c.dim(`${v.sources} independent, ${whoList(ctx, v.articles)}`)}${flags}`,
          '          ',
        ),
      );
    }
  }
  return lines;
}

function quoteLines(ctx: ReportContext, quotes: BriefQuote[]): string[] {
  if (quotes.length === 0) return [];
  const lines = [
    heading(ctx, `    Quotes${quotes.length > MAX_QUOTES ? ` (first ${MAX_QUOTES} of ${quotes.length})` : ''}`),
  ];
  for (const q of quotes.slice(0, MAX_QUOTES)) {
    const speaker = q.speaker ? ` — ${sanitize(q.speaker)}` : ctx.c.dim(' — (no speaker found)');
    lines.push(
      ...block(
        ctx,
        '      “',
        `${sanitize(q.text)}”${speaker}  ${ctx.c.dim(`(${whoList(ctx, q.articles)})`)}`,
        '       ',
      ),
    );
    for (const v of q.variants) {
      if (v.kind === 'canonical' && !v.speakerDiffers) continue;
      const mark =
        v.kind === 'reworded'
          ? ctx.c.red('≠ reworded')
          : v.kind === 'extended'
            ? ctx.c.yellow('⊃ extended')
            : v.kind === 'excerpt'
              ? ctx.c.dim('⊂ excerpt ')
              : ctx.c.dim('= same    ');
      const by = v.speakerDiffers ? ctx.c.red(` — ${sanitize(v.speaker ?? '')} (other speaker)`) : '';
      lines.push(
        ...block(
          ctx,
          `        ${mark} `,
          `“${sanitize(v.text)}”${by} ${ctx.c.dim(`(${whoList(ctx, v.articles)})`)}`,
          '                   ',
        ),
      );
    }
  }
  return lines;
}

function contributionLines(ctx: ReportContext, contributions: Contribution[]): string[] {
  if (contributions.length < 2) return [];
  const lines = [heading(ctx, '    What each version added and dropped')];
  for (const c of contributions) {
    const counts = [
      `+${count(c.adds.sentences.length, 'sentence')}`,
      `+${count(c.adds.facts.length, 'fact')}`,
      `+${count(c.adds.quotes.length, 'quote')}`,
      c.derivedFrom.length > 0
        ? `−${count(c.drops.sentences.length, 'sentence')}, −${count(c.drops.facts.length, 'fact')}`
        : '',
    ].filter(Boolean);
    lines.push(`      ${ctx.label(c.article, Math.max(30, ctx.width - 60))}  ${ctx.c.dim(counts.join(' · '))}`);
    for (const s of c.adds.sentences.slice(0, MAX_SENTENCES_PER_VERSION))
      lines.push(...block(ctx, `        ${ctx.c.green('+')} `, s.text, '          '));
    if (c.adds.sentences.length > MAX_SENTENCES_PER_VERSION)
      lines.push(ctx.c.dim(`          … ${c.adds.sentences.length - MAX_SENTENCES_PER_VERSION} more`));
    for (const s of c.drops.sentences.slice(0, MAX_SENTENCES_PER_VERSION))
      lines.push(...block(ctx, `        ${ctx.c.red('−')} `, s.text, '          '));
    if (c.drops.sentences.length > MAX_SENTENCES_PER_VERSION)
      lines.push(ctx.c.dim(`          … ${c.drops.sentences.length - MAX_SENTENCES_PER_VERSION} more dropped`));
  }
  return lines;
}

/** The brief of a story, when the pipeline made one. */
export const briefSection: StorySection = (story, ctx) => {
  const brief = story.brief;
  if (!brief) return [];
  const parts = [
    summaryLines(ctx, brief),
    timelineLines(ctx, brief.timeline),
    factLines(ctx, brief.facts),
    quoteLines(ctx, brief.quotes),
    contributionLines(ctx, brief.contributions),
  ].filter((p) => p.length > 0);
  if (parts.length === 0) return [];
  return [heading(ctx, '  Brief'), ...parts.flatMap((p, i) => (i === 0 ? p : ['', ...p]))];
};
