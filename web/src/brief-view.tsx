import type { Brief, Citation } from '../../src/brief/types.js';
import type { StoryView } from './data.js';
import { href } from './router.js';
import { articleName, byId } from './story-model.js';

function isBrief(value: unknown): value is Brief {
  const b = value as Brief | null;
  return !!b && Array.isArray(b.timeline) && Array.isArray(b.facts) && Array.isArray(b.summary);
}

/** The sourced brief: summary, timeline, facts, quotes and what each version added. */
export function BriefView({ story }: { story: StoryView }) {
  if (!isBrief(story.brief)) return null;
  const brief = story.brief;
  const refs = byId(story);
  const cite = (c: Citation) => (
    <a class="cite" href={href.article(c.article, c.span)}>
      {articleName(refs.get(c.article))}
    </a>
  );
  const names = (ids: string[]) => ids.map((id) => articleName(refs.get(id))).join(', ');
  return (
    <section class="panel brief" aria-labelledby="brief-h">
      <h2 id="brief-h">Brief</h2>
      {brief.summary.length > 0 && (
        <>
          <h3>Summary</h3>
          <ul class="summary">
            {brief.summary.map((s) => (
              <li key={`${s.article}:${s.sentence}`}>
                {s.text} <span class="muted">— {cite(s)}, {s.sources} independent source{s.sources === 1 ? '' : 's'}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {brief.timeline.length > 0 && (
        <>
          <h3>Timeline</h3>
          <ol class="timeline">
            {brief.timeline.map((e) => (
              <li key={e.id}>
                <span class="date">{e.date}</span> {e.text}{' '}
                <span class="muted">
                  — {e.reports.slice(0, 3).map((r, i) => <span key={`${r.article}${i}`}>{i > 0 && ', '}{cite(r)} (“{r.date.text}”)</span>)}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {brief.facts.length > 0 && (
        <>
          <h3>Facts</h3>
          <ul class="facts">
            {brief.facts.map((f) => (
              <li key={f.id}>
                <strong>{f.text}</strong>{' '}
                <span class="muted">
                  {f.sources} independent source{f.sources === 1 ? '' : 's'} ({names(f.articles)})
                </span>
                {f.conflicts.map((c) => (
                  <div key={`${c.value}${c.hedge}`} class="conflict">
                    but “{c.text}” ({c.differs === 'value' ? 'another figure' : 'another hedge'}) in {names(c.articles)}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {brief.quotes.length > 0 && (
        <>
          <h3>Quotes</h3>
          <ul class="quotes">
            {brief.quotes.map((q) => (
              <li key={q.id}>
                “{q.text}” <span class="muted">— {q.speaker ?? 'speaker unknown'}</span>
                {q.variants
                  .filter((v) => v.kind !== 'canonical')
                  .map((v) => (
                    <div key={v.text} class={`variant variant-${v.kind}`}>
                      {v.kind}: “{v.text}” <span class="muted">in {names(v.articles)}</span>
                    </div>
                  ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {brief.contributions.length > 0 && (
        <>
          <h3>What each version added</h3>
          <ul class="contributions">
            {brief.contributions.map((c) => (
              <li key={c.article}>
                <strong>{articleName(refs.get(c.article))}</strong>{' '}
                <span class="muted">
                  adds {c.adds.sentences.length} sentence{c.adds.sentences.length === 1 ? '' : 's'}, drops{' '}
                  {c.drops.sentences.length}
                </span>
                {c.adds.sentences.slice(0, 3).map((s) => (
                  <div key={`${s.article}:${s.sentence}`} class="added">
                    + {s.text}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
