/**
 * Reporting verbs: the cue that ties a quote to its speaker ("said", "told", "according to").
 * Keyed by lemma; the inflected forms are generated, with the irregular ones listed.
 */

/** Verbs news copy uses to report speech or writing. */
const REPORTING_LEMMAS = [
  'say',
  'tell',
  'add',
  'ask',
  'explain',
  'note',
  'write',
  'state',
  'declare',
  'insist',
  'argue',
  'claim',
  'continue',
  'warn',
  'reply',
  'respond',
  'tweet',
  'post',
  'announce',
  'admit',
  'acknowledge',
  'recall',
  'suggest',
  'question',
  'complain',
  'joke',
  'exclaim',
  'concede',
  'remark',
  'observe',
  'predict',
  'promise',
  'vow',
  'urge',
  'shout',
  'yell',
  'conclude',
  'testify',
  'contend',
  'allege',
  'maintain',
  'emphasize',
  'emphasise',
  'stress',
  'assert',
  'quip',
  'wonder',
  'caution',
  'boast',
  'lament',
  'call',
  'describe',
  'dub',
  'label',
  'brand',
  'deny',
  'confirm',
  'counter',
  'retort',
  'scoff',
  'chant',
  'read',
  'begin',
  'proclaim',
  'demand',
  'plead',
  'pledge',
  'report',
  'reiterate',
  'recount',
  'muse',
  'offer',
  'characterize',
  'characterise',
  'cry',
  'thunder',
  'snap',
  'whisper',
  'murmur',
  'sigh',
  'laugh',
  'mock',
  'tout',
  'blast',
  'charge',
  'accuse',
  'praise',
  'criticize',
  'criticise',
  'declare',
  'inform',
  'assure',
  'point',
  'preach',
  'speak',
  'reason',
  'cite',
  'describe',
  'address',
  'hint',
  'signal',
  'indicate',
  'confess',
  'agree',
  'beam',
  'gush',
  'marvel',
  'scream',
  'reflect',
  'elaborate',
  'interject',
  'opine',
  'remind',
  'fume',
  'grumble',
  'rant',
  'repeat',
  'answer',
  'concur',
  'recount',
  'sneer',
  'taunt',
  'liken',
  'bemoan',
  'decry',
  'denounce',
  'condemn',
  'thank',
  'bark',
  'exhort',
  'chide',
  'estimate',
  'scold',
  'rebuke',
  'remember',
  'protest',
  'lecture',
  'mutter',
  'blame',
  'tease',
  'needle',
  'interrupt',
];

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  tell: ['told', 'tells', 'telling', 'tell'],
  write: ['wrote', 'written', 'writes', 'writing', 'write'],
  begin: ['began', 'begun', 'begins', 'beginning'],
  read: ['read', 'reads', 'reading'],
  speak: ['spoke', 'spoken', 'speaks', 'speaking'],
  cry: ['cried', 'cries', 'crying'],
  deny: ['denied', 'denies', 'denying'],
  reply: ['replied', 'replies', 'replying'],
  testify: ['testified', 'testifies', 'testifying'],
  // A stressed last syllable doubles its consonant, which the regular rule only does for short words.
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  concur: ['concur', 'concurs', 'concurred', 'concurring'],
};

function regularForms(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const doubled = /[^aeiou][aeiou][pt]$/.test(lemma) && lemma.length <= 4 ? lemma + lemma.at(-1) : lemma;
  const s = /(s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  const ed = lemma.endsWith('e') ? `${lemma}d` : `${doubled}ed`;
  return [lemma, s, ed, `${lemma.endsWith('e') ? stem : doubled}ing`];
}

const FORM_TO_LEMMA = new Map<string, string>();
for (const lemma of REPORTING_LEMMAS) {
  for (const form of IRREGULAR[lemma] ?? regularForms(lemma)) FORM_TO_LEMMA.set(form, lemma);
}

/** The reporting-verb lemma of a word form ("said" → "say"), or undefined if it is not one. */
export function reportingLemma(word: string): string | undefined {
  return FORM_TO_LEMMA.get(word.toLowerCase());
}

/**
 * Cues that are weak on their own: they report speech only right next to a quote ("“…,” she
 * added") but are ordinary verbs elsewhere ("costs continue to rise"). Used only in the short
 * clause beside a quote, never to search a whole sentence.
 */
const WEAK = new Set([
  'continue',
  'begin',
  'read',
  'post',
  'offer',
  'call',
  'point',
  'address',
  'cite',
  'report',
  'signal',
  'indicate',
  'charge',
  'speak',
  'reason',
  'laugh',
  'cry',
  'snap',
]);

export function isWeakCue(lemma: string): boolean {
  return WEAK.has(lemma);
}
