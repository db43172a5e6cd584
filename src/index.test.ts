import { describe, expect, it } from 'vitest';
import { align, articleFromText, brief, compare, trace } from './index.js';

const wire = articleFromText(
  [
    'Ferry runs aground off Tarrow Point',
    '',
    'A passenger ferry ran aground off Tarrow Point on Saturday morning, injuring at least 9 people, the coast guard said.',
    '',
    'The vessel was carrying 212 passengers from the mainland when it struck a sandbar in heavy fog.',
    '',
    '"We heard a long scrape and then everyone fell forward," said Mira Okonjo, a passenger from Dunmere.',
    '',
    'Salvage crews expect to refloat the ferry on Monday at high tide, harbour master Tomas Reyes said.',
  ].join('\n'),
  { outlet: 'Coastwire', published: '2026-05-02T10:00:00Z', source: 'wire.txt' },
);

const rewrite = articleFromText(
  [
    'Ferry Aground: What We Know',
    '',
    'A passenger ferry ran aground off Tarrow Point on Saturday morning, injuring more than 9 people, the coast guard said.',
    '',
    'The ship was carrying 212 passengers from the mainland when it hit a sandbar in thick fog.',
    '',
    '"We heard a long scrape and then everybody fell forward," said Mira Okonjo, a passenger from Dunmere.',
    '',
    'Salvage crews expect to refloat the ferry on Monday at high tide, harbour master Tomas Reyes said.',
  ].join('\n'),
  { outlet: 'Daily Buzz', published: '2026-05-02T15:00:00Z', source: 'rewrite.txt' },
);

describe('the public stages, on two versions of one story', () => {
  const story = [wire, rewrite];
  const graph = trace(story);
  const findings = compare(story, graph);

  it('trace: the later rewrite derives from the wire, with evidence spans in both texts', () => {
    expect(graph.derivations).toHaveLength(1);
    const [edge] = graph.derivations;
    expect(edge.source).toBe(wire.id);
    expect(edge.target).toBe(rewrite.id);
    expect(edge.class).toBe('wholly-derived');
    const lede = edge.evidence.find((e) => wire.original.slice(...e.source).includes('ran aground'));
    expect(lede && rewrite.original.slice(...lede.target)).toContain('injuring more than 9 people');
  });

  it('compare: the hedge that drifted and the quote reworded inside its marks', () => {
    const types = findings.map((f) => f.type).sort();
    expect(types).toEqual(['hedge-changed', 'quote-altered']);
    const quote = findings.find((f) => f.type === 'quote-altered');
    expect(quote?.explanation).toContain("'everyone' → 'everybody'");
    expect(quote?.speaker).toBe('Mira Okonjo');
  });

  it('brief: the quote keeps the wire wording as canonical, with the variant beside it', () => {
    const summary = brief(story, graph, findings);
    const quote = summary.quotes.find((q) => q.text.includes('long scrape'));
    expect(quote?.text).toContain('everyone fell forward');
    expect(quote?.variants.map((v) => v.kind)).toContain('canonical');
    expect(quote?.variants.length).toBe(2);
  });

  it('align: sentence pairs in order, the unchanged one marked identical', () => {
    const kinds = align(wire, rewrite).pairs.map((p) => p.kind);
    expect(kinds).toContain('identical');
    expect(kinds.length).toBeGreaterThanOrEqual(4);
  });
});
