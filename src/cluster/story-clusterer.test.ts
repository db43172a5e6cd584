import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { countTerms, titleTerms } from './features.js';
import { StoryClusterer, type StoryDocument, storyDocument } from './index.js';

function doc(id: string, title: string, published: string, text: string): StoryDocument {
  return { ...storyDocument(articleFromText(text, { title, published })), id };
}

// Two look-alike stories (a warehouse fire in two towns, days apart) and reports of each.
const FIRE_A1 = doc(
  'a1',
  'Warehouse fire in Varnholt injures four workers',
  '2026-02-02T08:00:00Z',
  'A fire tore through a textile warehouse in Varnholt on Monday, injuring four workers, the Varnholt fire brigade said. ' +
    'Brigade chief Ilse Marwick said 60 firefighters fought the blaze on Quarry Lane for six hours. ' +
    'The owner, Tobiah Renske, said the building held 300 tonnes of cotton.',
);
const FIRE_A2 = doc(
  'a2',
  'Four hurt as blaze guts Varnholt textile store',
  '2026-02-02T13:00:00Z',
  'Four workers were hurt when fire gutted a textile warehouse on Quarry Lane in Varnholt, chief Ilse Marwick said. ' +
    'Sixty firefighters were needed. Owner Tobiah Renske said 300 tonnes of cotton were lost and the cause was unknown.',
);
const FIRE_B1 = doc(
  'b1',
  'Warehouse fire in Ostermoor injures two',
  '2026-02-05T09:00:00Z',
  'A fire broke out at a furniture warehouse in Ostermoor on Thursday, injuring two workers, the Ostermoor fire service said. ' +
    'Station officer Petra Lundqvist said 25 firefighters fought the blaze on Mill Road for three hours. ' +
    'The company, Hallberg Furniture, said 40 sofas were destroyed.',
);
const FIRE_B2 = doc(
  'b2',
  'Two injured in Ostermoor furniture warehouse blaze',
  '2026-02-05T15:00:00Z',
  'Two workers were injured when fire swept through the Hallberg Furniture warehouse on Mill Road in Ostermoor. ' +
    'Petra Lundqvist of the fire service said 25 firefighters attended and 40 sofas were destroyed.',
);
const STREAM = [FIRE_A1, FIRE_A2, FIRE_B1, FIRE_B2];

describe('StoryClusterer', () => {
  it('joins reports of one story and keeps a look-alike story apart', () => {
    const clusterer = new StoryClusterer();
    const kinds = STREAM.map((d) => clusterer.add(d).kind);
    expect(kinds).toEqual(['new', 'joined', 'new', 'joined']);
    expect(clusterer.storyOf('a2')).toBe(clusterer.storyOf('a1'));
    expect(clusterer.storyOf('b2')).toBe(clusterer.storyOf('b1'));
    expect(clusterer.storyOf('b1')).not.toBe(clusterer.storyOf('a1'));
  });

  it('gives the same stories for the same stream, run after run', () => {
    const run = () => {
      const clusterer = new StoryClusterer();
      for (const d of STREAM) clusterer.add(d);
      return clusterer.listStories();
    };
    expect(run()).toEqual(run());
  });

  it('attaches a re-published copy as a duplicate of its original', () => {
    const clusterer = new StoryClusterer();
    for (const d of STREAM) clusterer.add(d);
    const copy = doc(
      'copy',
      FIRE_B1.title ?? '',
      '2026-02-05T18:00:00Z',
      `Advertisement\n\n${FIRE_B1.text}\n\nShare this`,
    );
    const assignment = clusterer.add(copy);
    expect(assignment.kind).toBe('duplicate');
    expect(assignment.duplicateOf).toBe('b1');
    expect(assignment.story).toBe(clusterer.storyOf('b1'));
  });

  it('does not join a story it shares only numbers and headline words with', () => {
    const ferry = doc(
      'ferry',
      'Ferry aground off Kessby with 317 aboard',
      '2026-03-03T08:00:00Z',
      'The ferry Solvang ran aground off Kessby on Tuesday with 317 passengers aboard, the coast guard said. ' +
        'Captain Mira Halden said the hull held and nobody was hurt. Tugs refloated the Solvang after 9 hours.',
    );
    const homes = doc(
      'homes',
      'Council approves 317 homes',
      '2026-03-03T12:00:00Z',
      'Councillors in Brennstadt voted on Tuesday to build 317 homes on the old brickworks site, ending a dispute of 9 years. ' +
        'Mayor Oskar Tamm welcomed the plan, which opponents called rushed.',
    );
    const kindOfSecond = (options: ConstructorParameters<typeof StoryClusterer>[0]) => {
      const clusterer = new StoryClusterer(options);
      clusterer.add(ferry);
      return clusterer.add(homes).kind;
    };
    // "317", "9" and the day (Tuesday) alone score above the threshold; without body words or names
    // in common that is no match.
    expect(kindOfSecond({ minWordNameEvidence: 0 })).toBe('joined');
    expect(kindOfSecond({})).toBe('new');
  });

  it('keeps a page with no article content alone', () => {
    const clusterer = new StoryClusterer();
    for (const d of STREAM) clusterer.add(d);
    const wall = doc(
      'wall',
      'Warehouse fire in Varnholt injures four workers',
      '2026-02-02T10:00:00Z',
      'Please sign in.',
    );
    expect(clusterer.add(wall).kind).toBe('thin');
  });

  it('keeps every story centroid sorted by term id, however the articles order their words', () => {
    // b1 opens with words a1 never used, then repeats a1's ("fire", "warehouse"): read in order,
    // its term ids go up and then down again. Centroids are summed by merging sorted lists.
    const clusterer = new StoryClusterer();
    for (const d of STREAM) clusterer.add(d);
    for (const story of clusterer.toJSON().stories) {
      const bytes = Buffer.from(story.terms, 'base64');
      const terms = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      expect(terms.length).toBeGreaterThan(0);
      for (let i = 1; i < terms.length; i++) expect(terms[i]).toBeGreaterThan(terms[i - 1]);
    }
  });

  it('takes a sign-in wall crawled before any article into the story of the first article its headline names', () => {
    const clusterer = new StoryClusterer();
    const wall = doc('wall', 'Varnholt warehouse fire: four workers hurt', '2026-02-02T07:00:00Z', 'Please sign in.');
    expect(clusterer.add(wall).kind).toBe('thin');
    const article = clusterer.add(FIRE_A1);
    expect(article.kind).toBe('joined');
    expect(clusterer.storyOf('a1')).toBe(clusterer.storyOf('wall'));
    const [story] = clusterer.listStories();
    expect(story.articles).toEqual(['wall', 'a1']);
    expect(story.flags).toEqual([]);
    // The story is now one of articles: the next report finds it by its body.
    expect(clusterer.add(FIRE_A2).kind).toBe('joined');
    expect(clusterer.add(FIRE_B1).kind).toBe('new');
  });

  it('does not join two sign-in walls on their headlines alone', () => {
    const clusterer = new StoryClusterer();
    const first = doc('w1', 'Boy hurt in accidental shooting at home', '2026-02-02T07:00:00Z', 'Please sign in.');
    const second = doc('w2', 'Boy hurt in accidental shooting at park', '2026-02-03T07:00:00Z', 'Please sign in.');
    clusterer.add(first);
    clusterer.add(second);
    expect(clusterer.storyOf('w2')).not.toBe(clusterer.storyOf('w1'));
  });

  it("files a sign-in wall under the story its headline's names point to, though worded unlike its headlines", () => {
    const clusterer = new StoryClusterer();
    for (const d of STREAM) clusterer.add(d);
    const wall = doc('wall', 'Lundqvist: Hallberg sofas lost on Mill Road', '2026-02-06T10:00:00Z', 'Please sign in.');
    const assignment = clusterer.add(wall);
    expect(assignment.kind).toBe('thin');
    expect(assignment.story).toBe(clusterer.storyOf('b1'));
  });
});

describe('features', () => {
  it('counts numbers written as words and as digits alike, in body and headline', () => {
    const article = articleFromText('Four people were hurt and 4 cars burned.');
    const counts = countTerms(
      article.sentences.flatMap((s) => s.tokens),
      'Four hurt',
    );
    expect(counts.get('#4')).toBe(2);
    expect(titleTerms('Four hurt, one dead')).toEqual(['^4', '^hurt', '^1', '^dead']);
  });

  it('counts the terms of the lede twice', () => {
    const tokens = articleFromText('Crews fought a blaze at dawn. The blaze was out at noon.').sentences.flatMap(
      (s) => s.tokens,
    );
    expect(countTerms(tokens).get('blaze')).toBe(2);
    expect(countTerms(tokens, undefined, 4).get('blaze')).toBe(3);
    expect(countTerms(tokens, undefined, 4).get('noon')).toBe(1);
  });
});

describe('StoryClusterer: later events', () => {
  // Two reports of look-alike fires on one street, three weeks apart, and a follow-up on the first.
  const FIRST = doc(
    'first',
    'Fire at Quarry Lane depot in Varnholt',
    '2026-03-03T08:00:00Z',
    'A fire broke out at a depot on Quarry Lane in Varnholt on Monday, the Varnholt fire brigade said. ' +
      'Brigade chief Ilse Marwick said firefighters fought the blaze for hours and nobody was hurt.',
  );
  const LATER = doc(
    'later',
    'Fire at Quarry Lane depot in Varnholt',
    '2026-03-24T08:00:00Z',
    'Firefighters were called on Monday to a blaze at a Quarry Lane depot in Varnholt. ' +
      'Nobody was hurt, Varnholt brigade chief Ilse Marwick said, and the depot is closed.',
  );
  // The same words, but the day named is the first fire's (March 2).
  const FOLLOW_UP = doc(
    'follow-up',
    'Fire at Quarry Lane depot in Varnholt',
    '2026-03-24T08:00:00Z',
    'Firefighters were called on March 2 to a blaze at a Quarry Lane depot in Varnholt. ' +
      'Nobody was hurt, Varnholt brigade chief Ilse Marwick said, and the depot is closed.',
  );
  const scoreOf = (second: StoryDocument, laterEventPenalty: number, sharedEventPenalty = 0) => {
    const clusterer = new StoryClusterer({ threshold: 0, laterEventPenalty, sharedEventPenalty });
    clusterer.add(FIRST);
    return clusterer.add(second).similarity;
  };
  const penalty = 0.058 * Math.log1p(21);

  it('holds back a report of an event days after every event its story names', () => {
    expect(scoreOf(LATER, 1.5)).toBeCloseTo(scoreOf(LATER, 1) - 0.5 * penalty, 6);
  });

  it('does not discount a report naming a day its story names for the time since', () => {
    expect(scoreOf(FOLLOW_UP, 1.5)).toBeCloseTo(scoreOf(FOLLOW_UP, 1), 6);
    expect(scoreOf(FOLLOW_UP, 1.5)).toBeCloseTo(scoreOf(FOLLOW_UP, 1.5, 1) + penalty, 6);
  });
});
