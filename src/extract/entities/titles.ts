/**
 * Titles and roles written before or instead of a person's name: "President Jane Doe", "Sen.
 * Warren", later "the president", "the senator". The role word is what a later bare mention uses,
 * so each title maps to the role noun that refers back to it.
 */
const TITLE_TO_ROLE: Record<string, string> = {
  president: 'president',
  'vice president': 'vice president',
  'prime minister': 'prime minister',
  minister: 'minister',
  chancellor: 'chancellor',
  secretary: 'secretary',
  senator: 'senator',
  'sen.': 'senator',
  sen: 'senator',
  'rep.': 'congressman',
  representative: 'representative',
  congressman: 'congressman',
  congresswoman: 'congresswoman',
  governor: 'governor',
  'gov.': 'governor',
  mayor: 'mayor',
  judge: 'judge',
  justice: 'justice',
  general: 'general',
  'gen.': 'general',
  admiral: 'admiral',
  colonel: 'colonel',
  'col.': 'colonel',
  captain: 'captain',
  'capt.': 'captain',
  sergeant: 'sergeant',
  'sgt.': 'sergeant',
  chief: 'chief',
  commissioner: 'commissioner',
  director: 'director',
  ceo: 'chief executive',
  chairman: 'chairman',
  chairwoman: 'chairwoman',
  chair: 'chair',
  spokesman: 'spokesman',
  spokeswoman: 'spokeswoman',
  spokesperson: 'spokesperson',
  professor: 'professor',
  'prof.': 'professor',
  ambassador: 'ambassador',
  king: 'king',
  queen: 'queen',
  prince: 'prince',
  princess: 'princess',
  pope: 'pope',
  pastor: 'pastor',
  'rev.': 'reverend',
  bishop: 'bishop',
  archbishop: 'archbishop',
  coach: 'coach',
  detective: 'detective',
  officer: 'officer',
  inspector: 'inspector',
  superintendent: 'superintendent',
  sheriff: 'sheriff',
  attorney: 'attorney',
  'attorney general': 'attorney general',
  leader: 'leader',
};

/** Honorifics that carry no role ("Mr", "Dr."); stripped from names, never used to resolve "the …". */
const HONORIFICS = new Set([
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'miss',
  'dr',
  'dr.',
  'sir',
  'dame',
  'lord',
  'lady',
  'mx',
  'mx.',
]);

/** The role noun for a title word or pair ("Sen." → "senator"), if it is one. */
export function roleOfTitle(title: string): string | undefined {
  return TITLE_TO_ROLE[title.toLowerCase()];
}

export function isHonorific(word: string): boolean {
  return HONORIFICS.has(word.toLowerCase());
}

/** Every role noun, for recognising "the president" or "the former minister" as a role mention. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  Object.values(TITLE_TO_ROLE).flatMap((r) => [r, r.split(' ').at(-1) ?? r]),
);
