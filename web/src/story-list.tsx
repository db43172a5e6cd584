import { useState } from 'preact/hooks';
import { Await } from './app.js';
import type { DataSource, StorySort } from './data.js';
import { formatDate } from './format.js';
import { href } from './router.js';
import { useLoad } from './use-data.js';

export function StoryList({ data }: { data: DataSource }) {
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<StorySort>('recency');
  const stories = useLoad(() => data.listStories(q, sort), [q, sort]);
  return (
    <section>
      <h1>Stories</h1>
      <div class="toolbar" role="search">
        <label>
          Search{' '}
          <input
            type="search"
            value={q}
            placeholder="words in a title or outlet"
            onInput={(e) => setQ((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          Sort by{' '}
          <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as StorySort)}>
            <option value="recency">most recent</option>
            <option value="size">most versions</option>
            <option value="findings">most findings</option>
          </select>
        </label>
      </div>
      <Await value={stories}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">No stories{q ? ' match this search' : ' yet: ingest some articles'}.</p>
          ) : (
            <ul class="story-list">
              {list.map((s) => (
                <li key={s.id}>
                  <a class="story-item" href={href.story(s.id)}>
                    <span class="story-title">{s.title}</span>
                    <span class="story-meta">
                      {s.articleCount} version{s.articleCount === 1 ? '' : 's'} · {s.derivationCount} derivation
                      {s.derivationCount === 1 ? '' : 's'} ·{' '}
                      <span class={s.findingCount > 0 ? 'has-findings' : ''}>
                        {s.findingCount} finding{s.findingCount === 1 ? '' : 's'}
                      </span>
                      {s.lastPublished && <> · last {formatDate(s.lastPublished)}</>}
                    </span>
                    <span class="story-outlets">{s.outlets.join(', ')}</span>
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </Await>
    </section>
  );
}
