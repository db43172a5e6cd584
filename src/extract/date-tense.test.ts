import { describe, expect, it } from 'vitest';
import { tenseAt } from './date-tense.js';

function tenseOf(sentence: string, expression: string) {
  const start = sentence.indexOf(expression);
  return tenseAt(sentence, start, start + expression.length);
}

describe('tenseAt', () => {
  it('reads the verb of the clause the date is in', () => {
    expect(tenseOf('The vote will take place on Monday, officials said.', 'Monday')).toBe('future');
    expect(tenseOf('Officials said on Monday that the vote will take place.', 'Monday')).toBe('past');
  });

  it('takes the nearest cue when the clause has two', () => {
    expect(tenseOf('He said Monday he will resign.', 'Monday')).toBe('past');
  });

  it('reads reported future ("said … would") as future', () => {
    expect(tenseOf('She said the crews would be back at the next meeting, on April 6.', 'April 6')).toBe('future');
    expect(tenseOf('Officials said on Monday that the road would reopen.', 'Monday')).toBe('past');
  });

  it('reads a timetable present as future', () => {
    expect(tenseOf('The trial opens in May.', 'May')).toBe('future');
  });

  it('defaults to the past, as news does', () => {
    expect(tenseOf('Monday: a day of mourning.', 'Monday')).toBe('past');
  });
});

describe('tenseAt with deadlines', () => {
  it('reads "by", "until" and "no earlier than" as ahead of the story', () => {
    expect(tenseOf('Operators had been told to check their systems by Thursday.', 'Thursday')).toBe('future');
    expect(tenseOf('The terminal will stay closed until at least Friday.', 'Friday')).toBe('future');
    expect(tenseOf('The port said operations would resume no earlier than Friday.', 'Friday')).toBe('future');
  });
});
