import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../core/prepare.js';
import { extractQuotes } from './index.js';

/** Each quote's words and the speaker phrase as written, for compact assertions. */
function quotes(text: string, resolveNames = true) {
  const article = articleFromText(text);
  return extractQuotes(article, { resolveNames }).map((q) => ({
    text: q.text,
    span: q.speakerSpan ? article.text.slice(q.speakerSpan[0], q.speakerSpan[1]) : undefined,
    speaker: q.speaker,
  }));
}

describe('extractQuotes speaker spans', () => {
  it('takes the subject before the cue and the name after an inverted cue', () => {
    const q = quotes(
      'Mara Lindqvist said, “The harbour will reopen next week.”\n\n“We are not finished yet,” said Tomas Berg.',
    );
    expect(q.map((x) => x.span)).toEqual(['Mara Lindqvist', 'Tomas Berg']);
  });

  it('keeps an appositive after the name but not a prepositional tail', () => {
    const q = quotes(
      '“The numbers are clear,” said Elena Ruiz, the finance minister of the province, in a statement.\n\n' +
        'Pavel Novak, the union’s lead negotiator, said the offer was “an insult to every worker.”',
    );
    expect(q.map((x) => x.span)).toEqual([
      'Elena Ruiz, the finance minister of the province,',
      'Pavel Novak, the union’s lead negotiator,',
    ]);
  });

  it('closes a party label and leaves asides out', () => {
    const q = quotes(
      '“This bill is dead on arrival,” said Rep. Jane Holloway (D-Ore.) at the time.\n\n' +
        'Holloway, however, said the vote would be “a formality.”',
    );
    expect(q.map((x) => x.span)).toEqual(['Rep. Jane Holloway (D-Ore.)', 'Holloway']);
  });

  it('credits the outermost reporter of a sentence, not a pronoun in its complement', () => {
    const q = quotes('Ines Duarte said she was certain the council would remain “a partner for years to come.”');
    expect(q[0].span).toBe('Ines Duarte');
  });

  it('does not cross a comma into another clause for the outer reporter', () => {
    const q = quotes('Despite what he wrote last year, Anders Holm said he “may still support the plan after all.”');
    expect(q[0].span).toBe('Anders Holm');
  });

  it('reads the subject, not the object, of a participle cue', () => {
    const q = quotes(
      'The Harbour Trust released a statement saying the closure was “deeply regrettable and avoidable.”',
    );
    expect(q[0].span).toBe('The Harbour Trust');
  });

  it('skips an earlier quotation in the sentence when looking for the reporter', () => {
    const q = quotes(
      'Carla Mendes appeared on the radio show “Morning Desk” on Sunday, saying the budget “will not survive the summer.”',
    );
    expect(q.at(-1)?.span).toBe('Carla Mendes');
  });

  it('attributes a quote introduced by a colon at the end of the previous paragraph', () => {
    const q = quotes('Jonas Weber continued:\n\n“The second phase starts in March and will run until the autumn.”');
    expect(q[0].span).toBe('Jonas Weber');
  });

  it('keeps a restrictive description after an inverted cue', () => {
    const q = quotes('“It was chaos,” said one former official who asked not to be named.');
    expect(q[0].span).toBe('one former official who asked not to be named');
  });

  it('joins interrupted quotes and resolves a pronoun to the last named person', () => {
    const q = quotes('Ruth Okafor arrived late.\n\n“We are ready,” she said, “to talk about the water supply.”');
    expect(q).toHaveLength(1);
    expect(q[0].text).toBe('We are ready … to talk about the water supply.');
    expect(q[0].span).toBe('she');
    expect(q[0].speaker).toBe('Ruth Okafor');
  });

  it('leaves the speaker text as written when names are not resolved', () => {
    const q = quotes('Ruth Okafor arrived late.\n\n“We are ready to talk,” she said.', false);
    expect(q[0].speaker).toBe('she');
  });

  it('credits a quote inside a named subject’s clause without a reporting verb, not the writer’s scare quotes', () => {
    const q = quotes(
      'Sofia Marin referred to the proposal as “a gift to the developers.”\n\nThe so-called “reform” passed anyway.',
    );
    expect(q[0].span).toBe('Sofia Marin');
    expect(q.find((x) => x.text === 'reform')).toBeUndefined();
  });

  it('drops a work title quoted inside the writer’s sentence but keeps a speaker’s phrase', () => {
    const q = quotes('Nadia Perez appeared on “Morning Harbour Live” and called the plan “a reckless gamble.”');
    expect(q.map((x) => x.text)).toEqual(['a reckless gamble.']);
  });

  it('keeps a prepositional phrase inside the head of an appositive speaker', () => {
    const q = quotes(
      'Another member of the tenants’ board, Lucia Ferro, said the rent rise was “simply unaffordable.”',
    );
    expect(q[0].span).toBe('Another member of the tenants’ board, Lucia Ferro,');
  });

  it('ignores attribute values of markup and a title that takes the sentence’s full stop', () => {
    const q = quotes(
      'Read the post <item author="harbourdesk" stamp="1700000000">here</item>.\n\nShe starred in “The Quiet Harbour.”',
    );
    expect(q).toEqual([]);
  });

  it('credits the possessor of a noun of speech next to the quote', () => {
    const q = quotes('The delay broke Tomas Berg’s promise that the bridge would be “finished before the winter.”');
    expect(q[0].span).toBe('Tomas Berg’s');
  });

  it('does not join two quotes across a sentence that ends between them', () => {
    const q = quotes('“The harbour stays shut,” Mara Lindqvist said. Tomas Berg added, “We will reopen it in spring.”');
    expect(q.map((x) => x.span)).toEqual(['Mara Lindqvist', 'Tomas Berg']);
  });

  it('takes a named subject with an appositive as the speaker of a quote in its clause', () => {
    const q = quotes('Ines Duarte, director of the harbour trust, called the closure a “bitter loss” for the town.');
    expect(q[0].span).toBe('Ines Duarte, director of the harbour trust,');
  });

  it('reads a surname the tagger takes for a verb next to a reporting verb', () => {
    const q = quotes('“Having two people who understand the file is valuable,” said Skelly, explaining his choice.');
    expect(q[0].span).toBe('Skelly');
  });

  it('credits a reporting clause that closes the sentence after a partial quote', () => {
    const q = quotes(
      'The mayor “felt a duty to act” on the bridge, Tomas Berg said.\n\n' +
        '“The harbour can reopen” once the repairs end, said Ines Duarte, a harbour pilot.\n\n' +
        'The mayor “felt a duty to act” on the bridge, Berg said the vote would pass.',
    );
    expect(q.map((x) => x.span)).toEqual(['Tomas Berg', 'Ines Duarte, a harbour pilot', undefined]);
  });

  it('knows reporting verbs that double their last consonant', () => {
    const q = quotes('“I was a little nervous,” he admitted.');
    expect(q[0].span).toBe('he');
  });

  it('takes a plain noun subject of the quote’s clause, not only a name', () => {
    const q = quotes('The agency declined to detail the inquiry’s “specific focus or scope.”');
    expect(q[0].span).toBe('The agency');
  });

  it('gives a bare quote to the reporter of a long sentence just before it in the paragraph', () => {
    const q = quotes(
      '“We think the port is safe,” Mara Lindqvist said. The trust will watch the inquiry into the harbour closely, ' +
        'Tomas Berg says. “If the port stays shut, the town loses its ferry.”',
    );
    expect(q.map((x) => x.span)).toEqual(['Mara Lindqvist', 'Tomas Berg']);
  });

  it('keeps an age and the place of residence with the speaker', () => {
    const q = quotes(
      '“It is a great chance for the town,” said Ines Duarte, 55, of Port Ellen.\n\n' +
        'Tomas Berg, 61, said the ferry was “the only way out.”',
    );
    expect(q.map((x) => x.span)).toEqual(['Ines Duarte, 55, of Port Ellen', 'Tomas Berg, 61,']);
  });

  it('credits an "according to" source anywhere in the quote’s sentence', () => {
    const q = quotes(
      'For the mayor, according to Ines Duarte, the vote was “a real test of trust.”\n\n' +
        'The ferry will run “as long as the weather holds” this winter, according to Tomas Berg.',
    );
    expect(q.map((x) => x.span)).toEqual(['Ines Duarte', 'Tomas Berg']);
  });

  it('reads a participle after a determiner or number as part of the speaker phrase', () => {
    const q = quotes('“There is no data to suggest that,” said one unaligned Florida strategist.');
    expect(q[0].span).toBe('one unaligned Florida strategist');
  });

  it('reads a capitalised word right after a comma-closed quote as the speaker’s name', () => {
    const q = quotes('“We had a lot of support,” Pierce, after a long pause, said of the plan.');
    expect(q[0].span).toBe('Pierce');
  });

  it('looks past a noun that shares a reporting verb’s form', () => {
    const q = quotes(
      '“It is an invasion of the harbour,” Ada Lowe, the attorney general of the province, one of the states suing the agency, said at an event.',
    );
    expect(q[0].span).toBe('Ada Lowe, the attorney general of the province,');
  });

  it('keeps the appositive before a reporting relative clause after an inverted cue', () => {
    const q = quotes(
      '“The ferry will run,” said Ana Ruiz, a nurse from Port Ellen, who said she had waited for hours.',
    );
    expect(q[0].span).toBe('Ana Ruiz, a nurse from Port Ellen,');
  });

  it('reads appositives that open with a possessive, a time adverb or hold a misread name', () => {
    const q = quotes(
      '“It works,” said Lena Gray, his longtime colleague and rival in the race.\n\n' +
        '“It works,” said Dan Cole, a chief of staff to the governor whom the mayor recruited to lead his efforts.\n\n' +
        '“It works,” said Rev. Kyle Tate, then senior pastor at a church in Port Ellen.\n\n' +
        '“It works,” said Mira Hale, the mayor of Fort Pierce.\n\n' +
        '“It works,” said Harbour Watch President Tom Fenn.',
    );
    expect(q.map((x) => x.span)).toEqual([
      'Lena Gray, his longtime colleague and rival in the race',
      'Dan Cole, a chief of staff to the governor whom the mayor recruited to lead his efforts',
      'Rev. Kyle Tate, then senior pastor at a church in Port Ellen',
      'Mira Hale, the mayor of Fort Pierce',
      'Harbour Watch President Tom Fenn',
    ]);
  });

  it('takes the speaker label of a transcript turn quoted whole', () => {
    const q = quotes('“RUIZ: We will not leave the harbour. BERG: Nobody asked you to.”');
    expect(q[0].span).toBe('RUIZ');
  });

  it('does not let the subject swallow an introductory phrase written without a comma', () => {
    const q = quotes(
      'In a radio interview Tomas Berg said the plan was “a total mess.”\n\n' +
        'At one point the crowd chanted “Let us in” for minutes.\n\n' +
        'Only 52 percent of registered voters said the mayor was “fit to serve.”',
    );
    expect(q.map((x) => x.span)).toEqual(['Tomas Berg', 'the crowd', 'Only 52 percent of registered voters']);
  });

  it('carries a speaker on to a bare quote only from a quote spoken as a turn', () => {
    const q = quotes(
      'Tomas Berg called the plan “a reckless gamble.”\n\n“Nobody in the harbour wants it built.”\n\n' +
        '“We are ready,” said Ines Duarte.\n\n“The ferry runs at dawn.”\n\n“The town will wait for it.”',
    );
    expect(q.map((x) => x.span)).toEqual(['Tomas Berg', undefined, 'Ines Duarte', 'Ines Duarte', undefined]);
  });

  it('reads a colon label after a dashed heading, and the source of a “more from” label', () => {
    const q = quotes(
      'Polls agree - Mara Lindqvist: “Keep calling voters as late as you can.”\n\n' +
        'The ferry is late again - More from the harbour report: “Delays rose for the third year running.”',
    );
    expect(q.map((x) => x.span)).toEqual(['Mara Lindqvist', 'the harbour report']);
  });

  it('reads names the tagger takes for verbs at the end of a name, and roles attached by “to” or “in”', () => {
    const q = quotes(
      '“It is over,” said Steve Ward, director of communications for a security firm.\n\n' +
        '“It is over,” said the former top aide to President Holm.\n\n' +
        '“It is over,” reads a Wednesday editorial in The Harbour Register.\n\n' +
        '“It is over,” said Tomas Berg in a statement.',
    );
    expect(q.map((x) => x.span)).toEqual([
      'Steve Ward, director of communications for a security firm',
      'the former top aide to President Holm',
      'a Wednesday editorial in The Harbour Register',
      'Tomas Berg',
    ]);
  });

  it('ends an inverted speaker’s appositive before a participle clause', () => {
    const q = quotes('“It is over,” said Ines Duarte, a member of the harbour board, adding that she was sure.');
    expect(q[0].span).toBe('Ines Duarte, a member of the harbour board,');
  });

  it('credits a name set after a whole-sentence quote by a dash, not a dashed aside', () => {
    const q = quotes(
      '“Maybe we can build a bridge to the island.” ― Steve Quinn\n\n' +
        'The mayor called the ferry “a lifeline” — Port Ellen depends on it.',
    );
    expect(q.map((x) => x.span)).toEqual(['Steve Quinn', 'The mayor']);
  });

  it('lets a closing report carry a participle clause after it', () => {
    const q = quotes('The plan’s “excesses” are sickening, Ines Duarte said Tuesday, noting the cost.');
    expect(q[0].span).toBe('Ines Duarte');
  });

  it('takes the noun after “with” or a dash as the subject of a participle cue', () => {
    const q = quotes(
      'The bill passed late on Friday, with Ines Duarte calling it “a victory for the harbour.”\n\n' +
        'Some of the crowd booed the mayor, with Tomas Berg reportedly yelling: “Get out of here!”\n\n' +
        'Both sides issued a statement after the talks – Mara Lindqvist saying she was “very encouraged.”',
    );
    expect(q.map((x) => x.span)).toEqual(['Ines Duarte', 'Tomas Berg', 'Mara Lindqvist']);
  });

  it('does not take the object of a verb for the subject of a participle cue', () => {
    const q = quotes(
      'Ines Duarte immediately posted a Twitter comment of her own, saying, “We are so excited to meet the new ferry!”',
    );
    expect(q[0].span).toBe('Ines Duarte');
  });

  it('does not take a word inside the previous quote for the next quote’s speaker', () => {
    const q = quotes('“I can’t tell Ines how to behave,” Tomas Berg said. “I have to think for myself.”');
    expect(q.map((x) => x.span)).toEqual(['Tomas Berg', 'Tomas Berg']);
  });

  it('keeps a “that” relative clause inside an inverted speaker’s appositive', () => {
    const q = quotes('“It works,” said Misha Shah, 32, of Port Ellen, an agent for a firm that sells ferry tickets.');
    expect(q[0].span).toBe('Misha Shah, 32, of Port Ellen, an agent for a firm that sells ferry tickets');
  });

  it('gives every quote of a sentence to the report that closes it', () => {
    const q = quotes(
      'Ferries are “the lifeline of the island” and “keep the town alive,” Ines Duarte, the harbour pilot, told the crowd.',
    );
    expect(q.map((x) => x.span)).toEqual(['Ines Duarte, the harbour pilot,', 'Ines Duarte, the harbour pilot,']);
  });

  it('credits the outer report that closes a sentence holding an attributed quote', () => {
    const q = quotes(
      'Harbour fans also chanted, “Build a bridge,” referring to the ferry plan, the Harbour Times reported.',
    );
    expect(q[0].span).toBe('the Harbour Times');
  });

  it('credits the subject of any verb after a quote that breaks off with a comma', () => {
    const q = quotes('The pier was closed.\n\n“Get off the ramp,” Tomas Berg barked at the crowd.');
    expect(q[0].span).toBe('Tomas Berg');
  });

  it('gives a cue joined by “and” the subject of the verb before it', () => {
    const q = quotes('Ines Duarte toured the pier on Monday and said the ferry was “in a sorry state.”');
    expect(q[0].span).toBe('Ines Duarte');
  });

  it('credits the relative pronoun of a reporting clause and resolves it to the name before it', () => {
    const q = quotes('The plan was backed by Ines Duarte, who called the ferry “a lifeline for the island.”');
    expect(q[0].span).toBe('who');
    expect(q[0].speaker).toBe('Ines Duarte');
  });

  it('carries a paragraph of reported speech on to a bare quote paragraph after it', () => {
    const q = quotes(
      'Tomas Berg argued that the ferry timetable had failed the island for years.\n\n“Nobody can plan a week around it.”',
    );
    expect(q[0].span).toBe('Tomas Berg');
  });

  it('credits a role subject with a name in apposition even without a reporting verb', () => {
    const q = quotes('Another skipper, Tomas Berg, likened the new timetable to “a lottery with no prizes.”');
    expect(q[0].span).toBe('Another skipper, Tomas Berg,');
  });

  it('skips a day named with “on” between the speaker and the cue', () => {
    const q = quotes('Ines Duarte on Wednesday called the timetable “a joke.”');
    expect(q[0].span).toBe('Ines Duarte');
  });

  it('does not join a quote ending its sentence to the next quote and its new reporter', () => {
    const q = quotes(
      'Ines Duarte said, “The pier is safe.” At the same time, the harbour pilot added, “The ferry is not.”',
    );
    expect(q.map((x) => x.span)).toEqual(['Ines Duarte', 'the harbour pilot']);
  });

  it('reads a capitalised past-tense cue as the verb it is', () => {
    const q = quotes('The crew cheered.\n\n“Not us, but we like it!” Misha Shah, the crew chief, Tweeted on Friday.');
    expect(q[0].span).toBe('Misha Shah, the crew chief,');
  });

  it('keeps a reporter after “and” apart from the reporter of the clause before', () => {
    const q = quotes('A passenger asked for a photo and Ines Duarte said, “as long as the ferry is not late.”');
    expect(q[0].span).toBe('Ines Duarte');
  });

  it('credits whoever “put it” that way, after or before the quote', () => {
    const q = quotes(
      'The fee is “a tax on the poor,” as the Harbour Times put it.\n\nAs Ines Duarte puts it, “the ferry is a lottery.”',
    );
    expect(q.map((x) => x.span)).toEqual(['the Harbour Times', 'Ines Duarte']);
  });

  it('keeps two roles of one speaker joined by “and”', () => {
    const q = quotes(
      '“The pier is safe,” the island senator and harbour candidate said in a statement.\n\n' +
        '“It is not,” the harbour pilot and Liberal candidate said.',
    );
    expect(q.map((x) => x.span)).toEqual([
      'the island senator and harbour candidate',
      'the harbour pilot and Liberal candidate',
    ]);
  });

  it('starts a new turn at each transcript label of a run-on quote', () => {
    const q = quotes('The exchange went on:\n\n“BERG: Is the pier safe?\n\n“DUARTE: It is safe for now.”');
    expect(q.map((x) => x.span)).toEqual(['BERG', 'DUARTE']);
  });

  it('reads “pointed out” as a report however far from the quote', () => {
    const q = quotes('Ines Duarte pointed out in her letter last month that the ferry was “never on time.”');
    expect(q[0].span).toBe('Ines Duarte');
  });

  it('reads “reports:” after a name as the verb introducing the quote below', () => {
    const q = quotes(
      'Few donors gave small sums.\n\nThe Harbour Times reports:\n\n“Just a quarter of the donors gave less than $200.”',
    );
    expect(q[0].span).toBe('The Harbour Times');
  });

  it('credits the name after an unlisted verb set right after the quote', () => {
    const q = quotes('The plan failed.\n\n“Nobody listened to us,” remembered Tomas Berg, a former pilot.');
    expect(q[0].span).toBe('Tomas Berg, a former pilot');
  });

  it('takes a short weak-cue sentence as the attribution of the bare quote after it', () => {
    const q = quotes(
      'The vote was close.\n\nTomas Berg continued his remarks.\n\n“Nobody will ride a ferry that never comes.”',
    );
    expect(q[0].span).toBe('Tomas Berg');
  });

  it('finds the shared subject of a cue after “and” across an earlier quote in the clause', () => {
    const q = quotes('Ines Duarte called the timetable “a joke” and urged the council to “start again.”');
    expect(q.map((x) => x.span)).toEqual(['Ines Duarte', 'Ines Duarte']);
  });

  it('takes “the two” for a speaker', () => {
    const q = quotes(
      'Berg and Duarte wrote to the mayor.\n\n“You have picked a new standard out of thin air,” the two write.',
    );
    expect(q[0].span).toBe('the two');
  });

  it('gives a cue after “and” the subject of the verb just before it, not of an opening clause', () => {
    const q = quotes('When the pilot mentioned the storm, I laughed and said, “We have seen worse.”', false);
    expect(q[0].span).toBe('I');
  });

  it('knows verbs of judging and likening as reports', () => {
    const q = quotes(
      'The island senator, Tomas Berg, likened the timetable to “a lottery with no prizes” in a speech.',
      false,
    );
    expect(q[0].span).toBe('The island senator, Tomas Berg,');
  });

  it('knows verbs of scolding and remembering as reports', () => {
    const q = quotes('The hearing was tense.\n\nMisha Shah scolded the board: “You have let the island down.”', false);
    expect(q[0].span).toBe('Misha Shah');
  });

  it('knows muttering, protesting and lecturing as reports', () => {
    const q = quotes('The vote was lost.\n\n“We were never asked,” Tomas Berg muttered.', false);
    expect(q[0].span).toBe('Tomas Berg');
  });

  it('knows blaming, teasing, needling and interrupting as reports', () => {
    const q = quotes('Ines Duarte needled the council over the delay, saying, “Maybe next year.”', false);
    expect(q[0].span).toBe('Ines Duarte');
  });

  it('knows fretting, griping, railing and venting as reports', () => {
    const q = quotes('Tomas Berg railed against the council, complaining it was “deaf to the island.”', false);
    expect(q[0].span).toBe('Tomas Berg');
  });

  it('knows bragging, gloating and imploring as reports, with doubled consonants', () => {
    const q = quotes(
      'The ferry arrived at last.\n\nMisha Shah bragged that the crossing was “the fastest in years.”',
      false,
    );
    expect(q[0].span).toBe('Misha Shah');
  });

  it('reports across the object that "call" names with the quote', () => {
    const q = quotes(
      'The levy passed on Tuesday, and Ines Duarte called the new harbour levy “a tax on fishermen.”',
      false,
    );
    expect(q[0].span).toBe('Ines Duarte');
  });

  it('leaves a short capitalised fragment, and one after a thing as subject, unattributed', () => {
    const q = quotes(
      'Tomas Berg visited “Harbour Point” twice.\n\nThe scheme brings “lower fares” for islanders.\n\nMisha Shah described the plan as “a gift to the developers.”',
      false,
    );
    expect(q.map((x) => x.text)).toEqual(['a gift to the developers.']);
  });

  it('lets a report closing the sentence cover a short fragment quoted earlier in it', () => {
    const q = quotes('The levy is “unfair” and “a burden on the smallest boats,” Ines Duarte said.', false);
    expect(q.map((x) => [x.text, x.span])).toEqual([
      ['unfair', 'Ines Duarte'],
      ['a burden on the smallest boats', 'Ines Duarte'],
    ]);
  });

  it('skips quotes in a Title Case headline above the body', () => {
    const q = quotes(
      'Duarte Calls Harbour Levy ‘A Tax On Fishermen’\n\nInes Duarte called the new levy “a tax on fishermen” on Tuesday.',
      false,
    );
    expect(q.map((x) => x.text)).toEqual(['a tax on fishermen']);
  });

  it('keeps an appositive that picks the speaker out of a group', () => {
    const before = quotes('Lena Ortiz, one of the mayor’s closest aides, called the levy “a mistake.”', false);
    expect(before[0].span).toBe('Lena Ortiz, one of the mayor’s closest aides,');
    const after = quotes('“We will appeal,” said Lena Ortiz, one of the founders of the fishermen’s union.', false);
    expect(after[0].span).toBe('Lena Ortiz, one of the founders of the fishermen’s union');
  });

  it('credits the reporter whose object is a possessed noun of speech, else the possessor', () => {
    const q = quotes(
      'Lena Ortiz called Tomas Berg’s remarks on Monday “an insult to the island.”\n\nInspectors rejected Misha Shah’s claim that the pier was “perfectly safe.”',
      false,
    );
    expect(q.map((x) => x.span)).toEqual(['Lena Ortiz', 'Misha Shah’s']);
  });

  it('reads a capitalised sentence right after a reporting verb as a whole quote that a bare quote goes on with', () => {
    const q = quotes(
      'Asked about the pier, Ortiz said “I know nothing about the repairs,” she said. “Nobody told me.”',
      false,
    );
    expect(q.map((x) => x.span)).toEqual(['she', 'she']);
  });

  it('reads an "-ing" form after a possessive as a noun inside the speaker', () => {
    const q = quotes(
      'The vote was close.\n\nA source familiar with Ortiz’s thinking said, “She will not run again.”',
      false,
    );
    expect(q[0].span).toBe('A source familiar with Ortiz’s thinking');
  });

  it('credits the named subject for a pronoun reporting in a relative clause', () => {
    const q = quotes(
      'The vote was close.\n\nLena Ortiz thanked Tomas Berg, whom she called “a friend of the island.”',
      false,
    );
    expect(q[0].span).toBe('Lena Ortiz');
  });

  it('leaves a setting after the name out of the speaker, but keeps an affiliation', () => {
    const q = quotes(
      'The vote was close.\n\nLena Ortiz at the time said the levy was “a tax on fishermen.”\n\nTomas Berg of the Harbour Trust said the pier was “safe enough.”',
      false,
    );
    expect(q.map((x) => x.span)).toEqual(['Lena Ortiz', 'Tomas Berg of the Harbour Trust']);
  });

  it('reads counted and quantified poll subjects, and a span of time before the verb', () => {
    const q = quotes(
      'The survey closed on Friday.\n\nAbout four in 10 said they were “angry” at the council. Most said they were “very worried.”\n\nThe harbour board less than two weeks ago said the pier was “safe enough.”',
      false,
    );
    expect(q.map((x) => x.span)).toEqual(['About four in 10', 'Most', 'The harbour board']);
  });

  it('keeps a party label in brackets but not the bracket closing an aside', () => {
    const q = quotes(
      'The vote was close. (“We will be back,” said one party activist.) “It is over,” said Rep. Lena Ortiz (R-Utah).',
      false,
    );
    expect(q.map((x) => x.span)).toEqual(['one party activist', 'Rep. Lena Ortiz (R-Utah)']);
  });

  it('takes an inverted speaker before a quote only when a comma or colon sets the quote off', () => {
    const q = quotes(
      'The vote was close.\n\n“We are angry,” said Lena Ortiz, a fisherman who thinks the harbour board “should resign at once.”\n\nSaid Tomas Berg, who runs the ferry, “We will wait.”',
      false,
    );
    expect(q.slice(1).map((x) => [x.text, x.span])).toEqual([
      ['should resign at once.', undefined],
      ['We will wait.', 'Tomas Berg, who runs the ferry'],
    ]);
  });

  it('carries the speaker on from a fragment that its own report closes', () => {
    const q = quotes(
      'Lena Ortiz left the board because “the harbour is finished,” she said. “Nobody will come back.”',
      false,
    );
    expect(q.map((x) => x.span)).toEqual(['she', 'she']);
  });
});
