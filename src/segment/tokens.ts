import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import type { Token } from '../core/types.js';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/** The English model is loaded once, on first use: it costs ~100 ms and most commands need it. */
function englishNlp(): Nlp {
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/**
 * Tokens with lemmas and universal POS tags for a whole text, with character spans into it.
 * wink-nlp gives token values but not offsets, so each value is found again in the text from a
 * moving cursor; wink keeps token values verbatim, so the search always advances.
 */
export function tokenize(text: string): Token[] {
  const engine = englishNlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const values = doc.tokens().out() as string[];
  // The typings declare `its.lemma` with the wrong parameter list; it is a token-level its-function.
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const at = text.indexOf(value, cursor);
    if (at < 0) continue;
    cursor = at + value.length;
    tokens.push({ text: value, lemma: (lemmas[i] ?? value).toLowerCase(), pos: tags[i] ?? 'X', span: [at, cursor] });
  }
  return tokens;
}
