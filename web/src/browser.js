// Browser and bundler entry: the analysis API over the ES module build,
// whose .wasm is found beside it via import.meta.url (see init()).
import createQuoteline from '../dist/quoteline.mjs';
import { createApi, QuotelineError } from './api.js';

export const { analyze, analyzeCollection, version, init } = createApi(createQuoteline);
export { QuotelineError };
