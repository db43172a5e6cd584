/**
 * Hash routes (`#/story/ID`), so the same build works served by the API and opened from disk
 * as a report, where there is no server to answer other paths.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'stories' }
  | { page: 'story'; id: string }
  | { page: 'article'; id: string; focus?: [number, number] }
  | { page: 'pair'; story: string; a: string; b: string; focusA?: [number, number]; focusB?: [number, number] };

function spanParam(value: string | null): [number, number] | undefined {
  const m = value ? /^(\d+)-(\d+)$/.exec(value) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (parts[0] === 'story' && parts[1] && parts[2] === 'pair' && parts[3] && parts[4]) {
    return {
      page: 'pair',
      story: parts[1],
      a: parts[3],
      b: parts[4],
      focusA: spanParam(params.get('fa')),
      focusB: spanParam(params.get('fb')),
    };
  }
  if (parts[0] === 'story' && parts[1]) return { page: 'story', id: parts[1] };
  if (parts[0] === 'article' && parts[1]) return { page: 'article', id: parts[1], focus: spanParam(params.get('f')) };
  return { page: 'stories' };
}

const span = (s: readonly [number, number] | null | undefined) => (s ? `${s[0]}-${s[1]}` : null);

export const href = {
  stories: () => '#/',
  story: (id: string) => `#/story/${encodeURIComponent(id)}`,
  article: (id: string, focus?: readonly [number, number]) =>
    `#/article/${encodeURIComponent(id)}${focus ? `?f=${span(focus)}` : ''}`,
  pair(story: string, a: string, b: string, focusA?: readonly [number, number] | null, focusB?: readonly [number, number] | null) {
    const q = new URLSearchParams();
    if (focusA) q.set('fa', span(focusA) as string);
    if (focusB) q.set('fb', span(focusB) as string);
    const qs = q.toString();
    return `#/story/${encodeURIComponent(story)}/pair/${encodeURIComponent(a)}/${encodeURIComponent(b)}${qs ? `?${qs}` : ''}`;
  },
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
