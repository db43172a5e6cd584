import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { DERIVATION_FEATURES, derivationClass, derivationFeatures } from './derivation.js';

/** An invented wire report, a paper's near-copy of it and an independent report of the same event. */
const wire = [
  'A ferry carrying 212 passengers ran aground off Tarnby Point early on Sunday after losing steering in heavy fog, the coastguard said.',
  'Nobody was hurt and all passengers were taken ashore by lifeboat crews from two stations within three hours.',
  'The operator, Northsound Lines, said the vessel would be refloated on the evening tide and inspected for damage.',
  'It was the second grounding on the route this year, and the maritime safety agency has opened an inquiry.',
].join('\n\n');

const copy = [
  'A ferry carrying 212 passengers ran aground off Tarnby Point early on Sunday after losing steering in heavy fog.',
  'Nobody was hurt and all passengers were taken ashore by lifeboat crews within three hours.',
  'The operator said the vessel would be refloated on the evening tide and inspected for damage.',
].join('\n\n');

const independent = [
  'Passengers on a stranded ferry spent a cold morning on deck before being rescued, many of them wrapped in blankets handed out by volunteers.',
  'One traveller, returning from a wedding, described a sudden lurch and the sound of the hull scraping on rock.',
  'Residents of the harbour village opened the community hall to serve tea while buses were arranged to the mainland.',
  'Questions are now being asked locally about why the crossing went ahead in such conditions.',
].join('\n\n');

function classOf(source: string, target: string) {
  const a = articleFromText(source, { source: 'wire.txt' });
  const b = articleFromText(target, { source: 'paper.txt' });
  const features = derivationFeatures(b, [{ source: a }]);
  expect(features).toHaveLength(DERIVATION_FEATURES.length);
  return derivationClass(features);
}

describe('derivation class', () => {
  it('tells a trimmed copy of the wire from an independent report of the same event', () => {
    expect(classOf(wire, copy)).toBe('wholly-derived');
    expect(classOf(wire, independent)).toBe('non-derived');
  });
});
