import { useEffect, useRef } from 'preact/hooks';
import type { Span } from '../../src/core/types.js';
import type { DiffRow, DiffSide } from '../../src/server/views/types.js';
import { Await } from './app.js';
import type { DataSource, PairDiff, StoryView } from './data.js';
import { formatDate, percent } from './format.js';
import type { Mark } from './marks.js';
import { href, type Route } from './router.js';
import { articleName, FINDING_LABEL } from './story-model.js';
import { findingHref } from './story-page.js';
import { MarkedText } from './text-runs.js';
import { useLoad } from './use-data.js';

type PairRoute = Extract<Route, { page: 'pair' }>;

export function PairPage({ data, route }: { data: DataSource; route: PairRoute }) {
  const loaded = useLoad(
    () => Promise.all([data.diff(route.a, route.b), data.getStory(route.story).catch(() => null)]),
    [route.a, route.b, route.story],
  );
  return (
    <Await value={loaded}>{([diff, story]) => <SideBySide diff={diff} story={story} route={route} />}</Await>
  );
}

const sameSpan = (x: Span | null | undefined, y: Span | undefined) => !!x && !!y && x[0] === y[0] && x[1] === y[1];

const overlaps = (s: Span | undefined, side: DiffSide | null) =>
  !!s && !!side && s[0] < side.span[1] && s[1] > side.span[0];

function SideBySide({ diff, story, route }: { diff: PairDiff; story: StoryView | null; route: PairRoute }) {
  const table = useRef<HTMLTableElement>(null);
  // Bring the highlighted change into view (and keyboard focus onto its row) when the page or focus changes.
  useEffect(() => {
    const target = table.current?.querySelector<HTMLElement>('tr.focus-row');
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    }
  }, [diff, route.focusA?.[0], route.focusB?.[0]]);
  const findings = (story?.findings ?? []).filter(
    (f) => f.article === route.b && f.sourceArticle === route.a,
  );
  const counts = diff.rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.kind]: (acc[r.kind] ?? 0) + 1 }), {});
  return (
    <article class="pair">
      <nav class="crumbs">
        <a href={href.stories()}>Stories</a> ›{' '}
        {story ? <a href={href.story(story.id)}>{story.title}</a> : <a href={href.story(route.story)}>story</a>} ›
      </nav>
      <h1>
        {articleName(diff.a)} → {articleName(diff.b)}
      </h1>
      <p class="muted">
        {counts.identical ?? 0} identical, {counts.edited ?? 0} edited, {counts.paraphrased ?? 0} paraphrased sentence
        pairs; {counts['only-a'] ?? 0} only in the source, {counts['only-b'] ?? 0} only in the later version.
        <span class="legend-inline">
          <del class="chg">removed</del> <ins class="chg">added</ins> <mark class="focus">the finding</mark>
        </span>
      </p>
      {findings.length > 0 && (
        <ul class="pair-findings">
          {findings.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id of their own
            <li key={i}>
              <a
                href={story ? findingHref(story, f) : '#'}
                aria-current={sameSpan(f.span, route.focusB) && sameSpan(f.sourceSpan, route.focusA) ? 'true' : undefined}
              >
                <span class={`tag tag-${f.type}`}>{FINDING_LABEL[f.type]}</span>{' '}
                <span class="expl">{f.explanation}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <table class="diff" ref={table}>
        <thead>
          <tr>
            <th scope="col">
              <a href={href.article(diff.a.id)}>{articleName(diff.a)}</a>{' '}
              <span class="muted">{formatDate(diff.a.published)} · source</span>
            </th>
            <th scope="col">
              <a href={href.article(diff.b.id)}>{articleName(diff.b)}</a>{' '}
              <span class="muted">{formatDate(diff.b.published)} · later version</span>
            </th>
            <th scope="col" class="kind">
              alignment
            </th>
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((row) => (
            <Row key={`${row.a?.sentences[0] ?? 'x'}-${row.b?.sentences[0] ?? 'x'}`} row={row} route={route} />
          ))}
        </tbody>
      </table>
    </article>
  );
}

function Row({ row, route }: { row: DiffRow; route: PairRoute }) {
  const focused = overlaps(route.focusA, row.a) || overlaps(route.focusB, row.b);
  const cell = (side: DiffSide | null, changeClass: string, focus: Span | undefined) => {
    if (!side) return <td class="empty" />;
    const marks: Mark[] = side.changes.map((span) => ({ span, className: changeClass }));
    if (focus) marks.push({ span: focus, className: 'focus' });
    return (
      <td>
        <MarkedText text={side.text} base={side.span[0]} marks={marks} />
      </td>
    );
  };
  return (
    <tr class={`row-${row.kind}${focused ? ' focus-row' : ''}`} tabIndex={focused ? -1 : undefined}>
      {cell(row.a, 'chg del', route.focusA)}
      {cell(row.b, 'chg ins', route.focusB)}
      <td class="kind">
        {row.kind.startsWith('only') ? '' : row.kind}
        {row.similarity !== undefined && row.kind !== 'identical' ? ` ${percent(row.similarity)}` : ''}
      </td>
    </tr>
  );
}
