import type { StoryService } from '../service.js';
import type { Snapshot } from './types.js';

/**
 * Everything the UI can show without a server: every story, every article of a story, and the
 * side-by-side views its edges and findings link to. Pairs are keyed `${a}|${b}`, source first.
 */
export async function buildSnapshot(service: StoryService, now = new Date()): Promise<Snapshot> {
  const snapshot: Snapshot = { generatedAt: now.toISOString(), stories: [], storyViews: {}, articles: {}, diffs: {} };
  snapshot.stories = await service.listStories({ sort: 'recency' });
  for (const item of snapshot.stories) {
    const story = await service.getStory(item.id);
    if (!story) continue;
    snapshot.storyViews[story.id] = story;
    for (const ref of story.articles) {
      const article = snapshot.articles[ref.id] ?? (await service.getArticle(ref.id));
      if (article) snapshot.articles[ref.id] = article;
    }
    const pairs = new Set<string>();
    for (const d of story.derivations) if (typeof d.source === 'string') pairs.add(`${d.source}|${d.target}`);
    for (const f of story.findings) if (f.sourceArticle) pairs.add(`${f.sourceArticle}|${f.article}`);
    for (const key of pairs) {
      if (snapshot.diffs[key]) continue;
      const [a, b] = key.split('|');
      const diff = await service.diff(a, b);
      if (diff) snapshot.diffs[key] = diff;
    }
  }
  return snapshot;
}
