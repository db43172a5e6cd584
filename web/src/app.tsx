import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ArticlePage } from './article-page.js';
import type { DataSource } from './data.js';
import { PairPage } from './pair-page.js';
import { href, useRoute } from './router.js';
import { StoryList } from './story-list.js';
import { StoryPage } from './story-page.js';
import type { Loaded } from './use-data.js';

export function App({ data }: { data: DataSource }) {
  const route = useRoute();
  // A new page starts at the top unless it scrolls itself to a highlighted span.
  useEffect(() => {
    if (route.page !== 'pair' && route.page !== 'article') window.scrollTo(0, 0);
  }, [route]);
  return (
    <>
      <header class="top">
        <a class="brand" href={href.stories()}>
          Wiretrace
        </a>
        <span class="tagline">who copied whom, and what changed on the way</span>
        {data.offline && <span class="badge">report</span>}
      </header>
      <main>
        {route.page === 'stories' && <StoryList data={data} />}
        {route.page === 'story' && <StoryPage data={data} id={route.id} />}
        {route.page === 'article' && <ArticlePage data={data} id={route.id} focus={route.focus} />}
        {route.page === 'pair' && <PairPage data={data} route={route} />}
      </main>
    </>
  );
}

/** Loading and error states shared by every page. */
export function Await<T>({ value, children }: { value: Loaded<T>; children: (v: T) => ComponentChildren }) {
  if (value.state === 'loading') return <p class="muted">Loading…</p>;
  if (value.state === 'error')
    return (
      <p class="error" role="alert">
        {value.message}
      </p>
    );
  return <>{children(value.value)}</>;
}
