import { describe, expect, it } from 'vitest';
import { DisjointSets } from './disjoint-sets.js';

describe('DisjointSets', () => {
  it('groups transitively, with the smallest key as the root', () => {
    const sets = new DisjointSets<string>();
    sets.union('outlet', 'wire');
    sets.union('farm', 'outlet');
    sets.union('other', 'other');
    expect(sets.find('outlet')).toBe('farm');
    expect(sets.find('wire')).toBe(sets.find('farm'));
    expect(sets.find('other')).toBe('other');
    expect([...sets.keys()].sort()).toEqual(['farm', 'other', 'outlet', 'wire']);
  });
});
