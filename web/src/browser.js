// Browser and bundler entry: the analysis API over the ES module build,
// whose .wasm is found beside it via import.meta.url (see init()).
import createQuoteline from '../dist/quoteline.mjs';
import { createApi, QuotelineError } from './api.js';

export const { analyze, analyzeCollection, version, init, timeline } = createApi(createQuoteline);
export { QuotelineError };

// <quoteline-viewer> over the same API; its CSS is the file beside it.
import { define } from './viewer/element.js';
if (typeof customElements != 'undefined')
  define({ analyze, analyzeCollection, init, timeline }, { styleUrl: new URL('./viewer/viewer.css', import.meta.url).href });
