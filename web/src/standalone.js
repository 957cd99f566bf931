// Entry of the classic-script bundle (dist/quoteline.standalone.js): the
// wasm is inlined, so it works from file:// and behind a strict CSP. The
// bundle exposes these exports as the global `Quoteline`.
import createQuoteline from '../dist/quoteline.single.cjs';
import { createApi, QuotelineError } from './api.js';

export const { analyze, analyzeCollection, version, init, timeline } = createApi(createQuoteline);
export { QuotelineError };

// <quoteline-viewer> in the same script, its CSS inlined.
import { defineViewer } from './viewer/classic.js';
defineViewer({ analyze, analyzeCollection, init, timeline });
