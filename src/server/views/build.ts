import { toOriginalSpan } from '../../core/offsets.js';
import type { Article, Story } from '../../core/types.js';
import type { ArticleRef, ArticleView, StoryListItem, StoryView } from './types.js';

/** The metadata of an article, without its text. */
export function articleRef(article: Article): ArticleRef {
  const ref: ArticleRef = { id: article.id, title: article.title, source: article.source, credits: article.credits };
  if (article.url) ref.url = article.url;
  if (article.published) ref.published = article.published;
  if (article.outlet) ref.outlet = article.outlet;
  if (article.author) ref.author = article.author;
  return ref;
}

/** An article page: sentence spans are mapped to the original text, where every other span points. */
export function articleView(article: Article, stories: { id: string; title: string }[]): ArticleView {
  return {
    ...articleRef(article),
    original: article.original,
    text: article.text,
    sentences: article.sentences.map((s) => {
      const span = toOriginalSpan(article, s.span);
      return { index: s.index, paragraph: s.paragraph, span, text: article.original.slice(span[0], span[1]) };
    }),
    stories,
  };
}

/** A story page: the pipeline's story with its articles' metadata, in publication order. */
export function storyView(story: Story, articles: ReadonlyMap<string, Article>): StoryView {
  const refs = story.articles.flatMap((id) => {
    const article = articles.get(id);
    return article ? [articleRef(article)] : [];
  });
  refs.sort(byPublication);
  return {
    id: story.id,
    title: story.title,
    articles: refs,
    duplicates: story.duplicates,
    derivations: story.derivations,
    findings: story.findings,
    brief: story.brief ?? null,
  };
}

/** Oldest first; undated articles last, so the likely originals lead the list. */
export function byPublication(a: ArticleRef, b: ArticleRef): number {
  return (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') || a.id.localeCompare(b.id);
}

export function storyListItem(view: StoryView): StoryListItem {
  const dates = view.articles.flatMap((a) => (a.published ? [a.published] : [])).sort();
  const outlets = [...new Set(view.articles.flatMap((a) => (a.outlet ? [a.outlet] : [])))];
  const item: StoryListItem = {
    id: view.id,
    title: view.title,
    articleCount: view.articles.length,
    outlets,
    derivationCount: view.derivations.length,
    findingCount: view.findings.length,
  };
  if (dates.length > 0) {
    item.firstPublished = dates[0];
    item.lastPublished = dates[dates.length - 1];
  }
  return item;
}
