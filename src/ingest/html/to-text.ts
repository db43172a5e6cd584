/**
 * DOM → plain text with paragraph structure: block elements become paragraphs separated by a
 * blank line, <br> becomes a line break, whitespace inside a block folds to single spaces (HTML
 * source line breaks are not paragraph breaks). Figures, captions, buttons, forms and other
 * non-prose elements are skipped: their text is not part of the story.
 */

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
  'CENTER',
]);

/** Never story text. FIGCAPTION: captions and photo credits ("Crews at the quay. Photo: …"). */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'PICTURE',
  'IMG',
  'BUTTON',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'INPUT',
  'FORM',
  'FIGCAPTION',
  'NAV',
  'MENU',
]);

export interface ToTextOptions {
  /** Keep the text of <figure> elements that hold no media (some CMSs wrap pull quotes in them). */
  keepFigures?: boolean;
}

export function domToText(root: Node, options: ToTextOptions = {}): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current
      .replace(/[ \t\r\f\v]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      current += pre ? value : value.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'FIGURE' && (!options.keepFigures || element.querySelector('img,picture,video,iframe,svg'))) return;
    if (element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(element.childNodes)) walk(child, pre || tag === 'PRE');
    if (block) flush();
    else if (tag === 'TD' || tag === 'TH') current += ' ';
  };
  walk(root, false);
  flush();
  return paragraphs.join('\n\n');
}
