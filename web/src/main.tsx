/**
 * The Wiretrace UI. Framework choice: Preact + Vite. The UI is a handful of read-only views
 * over JSON, so a 4 kB virtual-DOM library with React's component model is enough; React itself
 * would triple the bundle that every HTML report inlines. JSX text children are escaped by
 * Preact, which is the property we need most: article text is untrusted and is only ever
 * rendered as text nodes (no innerHTML / dangerouslySetInnerHTML anywhere in web/).
 * Cytoscape.js draws the provenance graph; cytoscape-dagre gives it a layered layout.
 */
import { render } from 'preact';
import { App } from './app.js';
import { openDataSource } from './data.js';
import './style.css';

const root = document.getElementById('app');
if (root) render(<App data={openDataSource(document)} />, root);
