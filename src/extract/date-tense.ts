/**
 * Which way a bare calendar word points. "Monday" in a news story means the Monday just gone when
 * the verb beside it is past ("the fire broke out Monday"), and the coming one when it is future
 * ("the inquiry will open Monday"). chrono resolves bare weekdays to the *closest* day and bare
 * months to the current year, which puts half of all past events in the future; this module reads
 * the tense around the expression so that the refiners can choose the direction.
 *
 * It works on the sentence text alone (no POS tags) so that it can run inside chrono's refiners,
 * which only see text. The cues are deliberately lexical and small: the cost of a wrong call is one
 * date off by a week or a year, so the default is the news default, the past.
 */

export type Tense = 'past' | 'future';

/**
 * Words that put the clause in the future: modal "will"/"shall"/"'ll", reported future "would"
 * ("said the fleet would be back … on April 6"; a "said" nearer the date still dates the
 * statement), "going to", and the scheduling vocabulary of news ("is scheduled for Monday", "is
 * due to", "expected to", "plans to", "set to", "upcoming"), and the present tense of the verbs
 * that announce scheduled events when a time follows ("hearings resume on Monday", "the trial
 * opens in May"): in news such a present tense is a timetable. "next" is not here: chrono already
 * treats "next Monday" itself.
 */
const FUTURE =
  /\b(?:will|shall|won't|would|going to|scheduled|due to|due on|set to|expected to|expects? to|plans? to|planning to|intends? to|upcoming|is to|are to|(?:begins?|starts?|opens?|resumes?|reopens?|closes?|ends?|takes? place|is held|are held|is expected|are expected)(?=\s+(?:on|in|at|from|next|this)\b))\b|'ll\b/gi;

/**
 * Past cues: regular past forms (-ed; a handful of frequent -ed words that are not past verbs are
 * excluded below) and the irregular past forms that news reporting lives on ("said", "told",
 * "was", "fled", "broke"). "has/have + participle" reads as past too: "has died".
 */
const PAST =
  /\b(?:[a-z]+ed|said|told|was|were|had|did|began|broke|came|went|fled|fell|hit|left|made|met|ran|rose|saw|sent|shot|spoke|took|won|wrote|found|gave|got|held|kept|lost|paid|put|set|struck|stood|sold|sank|swept|threw|tore|wore|became|brought|bought|caught|chose|drove|ate|flew|forgot|froze|grew|heard|hid|knew|laid|led|lit|meant|overtook|read|rode|rang|sought|shook|slid|spent|spread|stole|stuck|swore|taught|thought|understood|woke|has|have)\b/gi;

/** -ed words that are not past-tense verbs in news text ("need", "speed", "feed", "bed", "red"…). */
const NOT_PAST = new Set([
  'need',
  'needed',
  'speed',
  'feed',
  'seed',
  'bed',
  'red',
  'shed',
  'hundred',
  'indeed',
  'bred',
  'embed',
  'breed',
  'creed',
  'greed',
  'weed',
  'deed',
  'proceed',
  'succeed',
  'exceed',
  'wed',
]);

const PASSIVE_AUXILIARY = /\b(?:be|been|being|is|are|am)\s+$/i;

/**
 * A deadline before the date: "will stay closed until at least Friday", "promised to release the
 * report by Thursday", "resume no earlier than Friday". Deadlines in news are almost always
 * ahead of the story; a past deadline ("by Friday the toll had risen") is the rarer use, so a
 * deadline decides the direction before any verb is read.
 */
const DEADLINE =
  /\b(?:by|until|till|no\s+(?:earlier|later)\s+than|not\s+before)\s+(?:at\s+(?:the\s+)?(?:least|latest|earliest)\s+)?(?:next\s+)?$/i;

/** Clause boundaries: a date usually belongs to the verb in its own clause. */
const CLAUSE_BREAK = /[,;:()—–]/;

interface Cue {
  tense: Tense;
  /** Character distance to the expression. */
  distance: number;
}

function cuesIn(text: string, from: number, to: number, start: number, end: number): Cue[] {
  const cues: Cue[] = [];
  const region = text.slice(from, to);
  for (const [re, tense] of [
    [FUTURE, 'future'],
    [PAST, 'past'],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(region); m; m = re.exec(region)) {
      const word = m[0].toLowerCase();
      if (tense === 'past' && NOT_PAST.has(word)) continue;
      // A participle after a form of "be" is passive: its tense is the auxiliary's ("was held" is
      // past through "was", "will be held" future through "will").
      if (tense === 'past' && PASSIVE_AUXILIARY.test(region.slice(0, m.index))) continue;
      const at = from + m.index;
      const stop = at + m[0].length;
      // Words inside the expression itself ("last Monday" is not a verb) do not count.
      if (at >= start && stop <= end) continue;
      const distance = stop <= start ? start - stop : at - end;
      cues.push({ tense, distance: Math.max(0, distance) });
    }
  }
  return cues;
}

function nearest(cues: Cue[]): Tense | undefined {
  let best: Cue | undefined;
  for (const cue of cues) if (!best || cue.distance < best.distance) best = cue;
  return best?.tense;
}

/**
 * The tense governing the expression at [start, end) of `text` (one sentence): the nearest tense
 * cue inside the expression's clause, else the nearest in the sentence, else "past"; a deadline
 * ("by", "until") right before the expression makes it future.
 *
 *   tenseAt('The vote will take place on Monday, officials said.', 28, 37) === 'future'
 *   tenseAt('He said Monday he will resign.', 8, 14) === 'past'
 */
export function tenseAt(text: string, start: number, end: number): Tense {
  if (DEADLINE.test(text.slice(Math.max(0, start - 40), start))) return 'future';
  let from = start;
  while (from > 0 && !CLAUSE_BREAK.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !CLAUSE_BREAK.test(text[to])) to++;
  return nearest(cuesIn(text, from, to, start, end)) ?? nearest(cuesIn(text, 0, text.length, start, end)) ?? 'past';
}
