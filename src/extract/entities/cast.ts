/**
 * The cast of an article: the people it names, by full name, with the roles it gives them and
 * where each is mentioned. News names a person in full once ("Harbour Commissioner Ilse
 * Varga") and then by surname ("Varga"), pronoun ("he") or role ("the president"); the cast
 * turns all of those back into the full name.
 */
import type { Article, EntityMention } from '../../core/types.js';
import { isHonorific, ROLE_NOUNS, roleOfTitle } from './titles.js';

export interface Person {
  /** Full name as first introduced, without title: "Ilse Varga". */
  name: string;
  roles: Set<string>;
}

interface Mention {
  at: number;
  person: Person;
}

const PRONOUNS_PERSON = new Set(['he', 'she', 'him', 'her', 'his']);

/** Title words stripped from the front of a name, with the role they give: "Sen. Elizabeth Warren". */
function splitTitle(words: string[]): { roles: string[]; rest: string[] } {
  const roles: string[] = [];
  let i = 0;
  while (i < words.length - 1) {
    const two = i + 1 < words.length - 1 ? roleOfTitle(`${words[i]} ${words[i + 1]}`) : undefined;
    if (two) {
      roles.push(two);
      i += 2;
      continue;
    }
    const one = roleOfTitle(words[i]);
    if (one) roles.push(one);
    else if (!isHonorific(words[i])) break;
    i++;
  }
  return { roles, rest: words.slice(i) };
}

/** A name's words without possessive, suffixes kept ("Jr."). */
function nameWords(text: string): string[] {
  return text
    .replace(/['’]s?$/, '')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

export class Cast {
  readonly people: Person[] = [];
  private readonly mentions: Mention[] = [];

  /** Register a mention of a person as written ("President Jane Doe", "Doe") at offset `at`. */
  mention(text: string, at: number, roleHint?: string): Person | undefined {
    const { roles, rest } = splitTitle(nameWords(text));
    if (rest.length === 0 || !/^\p{Lu}/u.test(rest[0])) return undefined;
    const name = rest.join(' ');
    let person = this.find(name);
    if (!person) {
      person = { name, roles: new Set() };
      this.people.push(person);
    } else if (rest.length > nameWords(person.name).length && name.endsWith(person.name.split(' ').at(-1) ?? '')) {
      // A fuller form of a name first seen short ("Doe" then "Jane Doe"): keep the fuller one.
      person.name = name;
    }
    for (const r of roles) person.roles.add(r);
    if (roleHint) person.roles.add(roleHint);
    this.mentions.push({ at, person });
    this.mentions.sort((a, b) => a.at - b.at);
    return person;
  }

  /** The person a bare name refers to: exact full name, or a full name ending (or starting) with it. */
  find(name: string): Person | undefined {
    const words = nameWords(name);
    const exact = this.people.find((p) => p.name === words.join(' '));
    if (exact) return exact;
    const last = words.at(-1);
    if (words.length === 1 && last) {
      return (
        this.people.find((p) => p.name.split(' ').at(-1) === last) ??
        this.people.find((p) => p.name.split(' ')[0] === last)
      );
    }
    // "Jane Doe" against a stored "Jane A. Doe": same first and last word.
    return this.people.find((p) => {
      const pw = p.name.split(' ');
      return pw[0] === words[0] && pw.at(-1) === last;
    });
  }

  /** The full name for a name as written ("Mr. Doe" → "Jane Doe"); the cleaned name itself when unknown. */
  normalise(text: string): string {
    const { rest } = splitTitle(nameWords(text));
    const name = rest.join(' ');
    return this.find(name)?.name ?? name;
  }

  /** The last person mentioned before offset `at` (for "he", "she"). */
  lastPersonBefore(at: number, skip: (at: number) => boolean = () => false): Person | undefined {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.at < at && !skip(m.at)) return m.person;
    }
    return undefined;
  }

  /** The person most recently named with this role before `at` ("the president" → "Jane Doe"). */
  roleHolder(role: string, at: number): Person | undefined {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.at < at && [...m.person.roles].some((r) => r === role || r.endsWith(` ${role}`))) return m.person;
    }
    return this.people.find((p) => p.roles.has(role));
  }
}

export function isPersonPronoun(word: string): boolean {
  return PRONOUNS_PERSON.has(word.toLowerCase());
}

/** "the president", "the former minister", "a spokesperson" → the role noun, else undefined. */
export function roleMention(text: string): string | undefined {
  const words = text.toLowerCase().replace(/[,.]$/, '').split(/\s+/);
  if (!/^(the|a|an)$/.test(words[0] ?? '')) return undefined;
  const rest = words.slice(1).filter((w) => !/^(former|then|new|current|acting|deputy|interim)$/.test(w));
  const two = rest.slice(-2).join(' ');
  if (rest.length === 2 && ROLE_NOUNS.has(two)) return two;
  const last = rest.at(-1) ?? '';
  return rest.length <= 2 && ROLE_NOUNS.has(last) ? last : undefined;
}

/** The cast from the article's person entities, with roles from the titles written before names. */
export function buildCast(article: Article, entities: readonly EntityMention[]): Cast {
  const cast = new Cast();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    // The word before a name can be a title compromise left outside it ("Wells Fargo CEO John Stumpf").
    const before = article.text.slice(Math.max(0, e.span[0] - 30), e.span[0]).match(/(\S+)\s+$/)?.[1];
    const hint = before ? roleOfTitle(before) : undefined;
    cast.mention(e.text, e.span[0], hint);
  }
  // Later bare surnames count as mentions too, so that "he" after "Doe said" resolves to Doe.
  for (const person of [...cast.people]) {
    const last = person.name.split(' ').at(-1);
    if (!last || last.length < 3) continue;
    const re = new RegExp(`\\b${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gu');
    for (const m of article.text.matchAll(re)) cast.mention(last, m.index ?? 0);
  }
  return cast;
}
