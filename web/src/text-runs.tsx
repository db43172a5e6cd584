import { type Mark, runs } from './marks.js';

/** Original text with its marked runs wrapped in <span class=…>; text only, never HTML. */
export function MarkedText({ text, base, marks }: { text: string; base: number; marks: Mark[] }) {
  return (
    <>
      {runs(text, base, marks).map((r) =>
        r.classes.length === 0 ? (
          r.text
        ) : (
          <span key={r.start} class={r.classes.join(' ')}>
            {r.text}
          </span>
        ),
      )}
    </>
  );
}
