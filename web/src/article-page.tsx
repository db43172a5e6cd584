import { useEffect, useRef, useState } from 'preact/hooks';
import { Await } from './app.js';
import type { ArticleView, DataSource } from './data.js';
import { formatDate } from './format.js';
import { href } from './router.js';
import { MarkedText } from './text-runs.js';
import { useLoad } from './use-data.js';

export function ArticlePage({ data, id, focus }: { data: DataSource; id: string; focus?: [number, number] }) {
  const article = useLoad(() => data.getArticle(id), [id]);
  return <Await value={article}>{(a) => <Article article={a} focus={focus} />}</Await>;
}

function Article({ article, focus }: { article: ArticleView; focus?: [number, number] }) {
  const [showClean, setShowClean] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    body.current?.querySelector('.focus')?.scrollIntoView({ block: 'center' });
  }, [article, focus?.[0]]);
  return (
    <article class="article-page">
      <nav class="crumbs">
        <a href={href.stories()}>Stories</a> ›{' '}
        {article.stories.map((s) => (
          <a key={s.id} href={href.story(s.id)}>
            {s.title}
          </a>
        ))}
      </nav>
      <h1>{article.title || article.source}</h1>
      <dl class="meta">
        <dt>Outlet</dt>
        <dd>{article.outlet ?? '—'}</dd>
        <dt>Published</dt>
        <dd>{formatDate(article.published)}</dd>
        {article.author && (
          <>
            <dt>Author</dt>
            <dd>{article.author}</dd>
          </>
        )}
        <dt>Source</dt>
        {/* The URL is shown as text, not a link: a javascript: or data: URL from an article must not be clickable. */}
        <dd class="source">{article.url ?? article.source}</dd>
        <dt>Credits</dt>
        <dd>{article.credits.length > 0 ? article.credits.map((c) => `${c.name} (${c.kind})`).join('; ') : '—'}</dd>
        <dt>Sentences</dt>
        <dd>{article.sentences.length}</dd>
      </dl>
      <label class="toggle">
        <input type="checkbox" checked={showClean} onChange={() => setShowClean(!showClean)} /> show the cleaned text
        the pipeline read
      </label>
      <div class="body" ref={body}>
        {showClean ? (
          <pre class="clean">{article.text}</pre>
        ) : (
          <pre class="original">
            <MarkedText
              text={article.original}
              base={0}
              marks={[
                ...article.sentences.map((s) => ({ span: s.span, className: s.index % 2 ? 'sent odd' : 'sent even' })),
                ...(focus ? [{ span: focus, className: 'focus' }] : []),
              ]}
            />
          </pre>
        )}
      </div>
    </article>
  );
}
