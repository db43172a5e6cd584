/**
 * Worker thread of HtmlPool: reads HTML pages (DOM, metadata, main text). Never throws for a bad
 * page: like readHtml, it answers with an InputError naming it.
 */
import { serveBatches } from '../../core/worker-port.js';
import { inputError, type ReadResult } from '../types.js';
import { readHtml } from './index.js';

export interface HtmlJob {
  source: string;
  html: string;
}

serveBatches(
  ({ source, html }: HtmlJob): ReadResult => {
    try {
      return readHtml(source, html);
    } catch (error) {
      return inputError(source, `HTML could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
  { warmUp: () => readHtml('warm-up', '<html><body><article><p>The DOM is loaded.</p></article></body></html>') },
);
