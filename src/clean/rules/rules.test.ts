import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../index.js';

const STORY = 'Fire crews worked through the night at the Port Ellis grain terminal, officials said.';
const clean = (body: string) => cleanArticle({ source: 'rules.txt', format: 'txt', body });

describe('boilerplate rules', () => {
  it('drops share widgets but keeps sentences that mention sharing', () => {
    const c = clean(
      `Share and Follow\nShare this article\nFacebook | Twitter | WhatsApp | Email\n${STORY}\nResidents share photos on Facebook.`,
    );
    expect(c.text).toBe(`${STORY}\n\nResidents share photos on Facebook.`);
  });

  it('drops image stubs, caption labels and photo credits', () => {
    const c = clean(
      `![]()\n![Crews at the quay](https://img.example/1.jpg)\nImage: Smoke over the harbour\nPhoto: Lina Okafor/Northwire\nFirefighters spray the terminal roof. (Northwire Photo/Lina Okafor)\n${STORY}`,
    );
    expect(c.text).toBe(STORY);
  });

  it('drops the table of contents and its heading-only list, keeping the real headings', () => {
    const c = clean(
      `Table of Contents\nWhat happened\nWhat comes next\n${STORY}\nWhat happened\nThe fire started in a conveyor housing.\nWhat comes next\nInspectors arrive on Monday.`,
    );
    expect(c.text.split('\n\n')).toEqual([
      STORY,
      'What happened',
      'The fire started in a conveyor housing.',
      'What comes next',
      'Inspectors arrive on Monday.',
    ]);
  });

  it('drops related-link lists, inline and under a heading', () => {
    const c = clean(
      `${STORY}\nRelated: Grain prices climb after terminal closure\nREAD MORE: Harbour board names new chair\nRecommended\nCouncil approves quay budget\nFerry timetable changes for winter\nThe terminal reopens on Friday.`,
    );
    expect(c.text).toBe(`${STORY}\n\nThe terminal reopens on Friday.`);
  });

  it('keeps sentences that merely start with a label word', () => {
    const sentence = 'Related questions were raised by the harbour board on Tuesday, the chair said.';
    expect(clean(`${STORY}\n${sentence}`).text).toBe(`${STORY}\n\n${sentence}`);
  });

  it('drops cookie banners and consent buttons', () => {
    const c = clean(
      `We use cookies to improve your experience. By continuing to browse you accept our use of cookies.\nAccept all | Manage preferences\n${STORY}\nBrowser makers plan to phase out third-party cookies next year, the report said.`,
    );
    expect(c.text).toBe(`${STORY}\n\nBrowser makers plan to phase out third-party cookies next year, the report said.`);
  });

  it('drops newsletter and subscription prompts addressed to the reader', () => {
    const c = clean(
      `${STORY}\nSign up for the Morning Tide newsletter and get the day's news in your inbox.\nSubscribe to Northwire for unlimited access.\nThe union urged members to sign up for the strike fund, its secretary said.`,
    );
    expect(c.text).toBe(`${STORY}\n\nThe union urged members to sign up for the strike fund, its secretary said.`);
  });

  it('drops legal notices and page chrome', () => {
    const c = clean(
      `Advertisement\nSkip to content\nHome | World | Business | Sport\n${STORY}\n___\nStory continues below advertisement\nAll rights reserved. This material may not be published, broadcast, rewritten or redistributed.`,
    );
    expect(c.text).toBe(STORY);
  });
});
