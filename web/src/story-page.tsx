import type { Finding } from '../../src/core/types.js';
import { Await } from './app.js';
import { BriefView } from './brief-view.js';
import type { DataSource, StoryView } from './data.js';
import { formatDate } from './format.js';
import { Graph } from './graph.js';
import { href } from './router.js';
import { articleName, byId, derivationLabel, FINDING_LABEL, sourceName, versionRole } from './story-model.js';
import { useLoad } from './use-data.js';

export function StoryPage({ data, id }: { data: DataSource; id: string }) {
  const story = useLoad(() => data.getStory(id), [id]);
  return <Await value={story}>{(s) => <Story story={s} />}</Await>;
}

/** Where a finding's proof is shown: both versions side by side, or the one article when it has no source. */
export function findingHref(story: StoryView, f: Finding): string {
  if (f.sourceArticle) return href.pair(story.id, f.sourceArticle, f.article, f.sourceSpan, f.span);
  return href.article(f.article, f.span);
}

function Story({ story }: { story: StoryView }) {
  const refs = byId(story);
  return (
    <article class="story">
      <nav class="crumbs">
        <a href={href.stories()}>Stories</a> ›
      </nav>
      <h1>{story.title}</h1>
      <section class="panel graph-panel" aria-labelledby="graph-h">
        <h2 id="graph-h">Provenance</h2>
        <div class="graph-row">
          <Graph story={story} />
          <div class="graph-side">
            <ul class="legend">
              <li>
                <span class="key solid" /> derived from another version (thicker = more confident)
              </li>
              <li>
                <span class="key dashed" /> from a common source inferred from the versions, not in the pile
              </li>
            </ul>
            <p class="legend">Click an edge or a derivation to see the two versions side by side.</p>
            <h3>Derivations</h3>
            {story.derivations.length === 0 ? (
              <p class="muted">No version derives from another.</p>
            ) : (
              <ul class="derivations">
                {story.derivations.map((d, i) => {
                  const label = `${sourceName(d.source, refs)} → ${articleName(refs.get(d.target))}`;
                  const first = d.evidence.find((e) => e.kind !== 'identical') ?? d.evidence[0];
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: derivations have no id of their own
                    <li key={i}>
                      {typeof d.source === 'string' ? (
                        <a href={href.pair(story.id, d.source, d.target, first?.source, first?.target)}>{label}</a>
                      ) : (
                        <span>{label}</span>
                      )}{' '}
                      <span class="muted">
                        {derivationLabel(d)}
                        {typeof d.source === 'string'
                          ? ` · ${d.evidence.length} aligned passage${d.evidence.length === 1 ? '' : 's'}`
                          : ''}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </div>
      </section>
      <section class="panel findings-panel" aria-labelledby="findings-h">
        <h2 id="findings-h">Findings ({story.findings.length})</h2>
        {story.findings.length === 0 ? (
          <p class="muted">Nothing changed on the way that Wiretrace checks (quotes, speakers, numbers, hedges, dates).</p>
        ) : (
          <ol class="findings">
            {story.findings.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id of their own
              <li key={i}>
                <a class={`finding sev-${f.severity}`} href={findingHref(story, f)}>
                  <span class="finding-head">
                    <span class={`tag tag-${f.type}`}>{FINDING_LABEL[f.type]}</span>
                    <span class="muted">
                      {articleName(refs.get(f.article))}
                      {f.sourceArticle ? ` vs ${articleName(refs.get(f.sourceArticle))}` : ''}
                    </span>
                  </span>
                  <span class="finding-expl">{f.explanation}</span>
                  {f.sourceText !== null && <span class="finding-src">“{f.sourceText}”</span>}
                  <span class="finding-text">“{f.text}”</span>
                  {(f.speaker || f.sourceSpeaker) && (
                    <span class="muted">
                      speaker: {f.sourceSpeaker ?? '—'}
                      {f.speaker !== f.sourceSpeaker ? ` → ${f.speaker ?? '—'}` : ''}
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section class="panel" aria-labelledby="versions-h">
        <h2 id="versions-h">Versions ({story.articles.length})</h2>
        <table class="versions">
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Published</th>
              <th scope="col">Title</th>
              <th scope="col">How it came to be</th>
            </tr>
          </thead>
          <tbody>
            {story.articles.map((a) => (
              <tr key={a.id}>
                <td>{a.outlet ?? '—'}</td>
                <td class="nowrap">{formatDate(a.published)}</td>
                <td>
                  <a href={href.article(a.id)}>{a.title || a.source}</a>
                </td>
                <td>{versionRole(story, a.id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <BriefView story={story} />
    </article>
  );
}
