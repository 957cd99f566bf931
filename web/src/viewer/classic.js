// The viewer inside the classic standalone bundle (esbuild inlines the CSS
// text, so the one script works from file:// with nothing beside it).
import css from './viewer.css' with { type: 'text' };
import { define } from './element.js';

/** Registers <quoteline-viewer> over `api` when the page has custom elements. */
export function defineViewer(api) {
  if (typeof customElements != 'undefined') define(api, { styleText: css });
}
