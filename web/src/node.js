// Node entry: the analysis API over the CommonJS build, which reads its
// .wasm synchronously from beside itself.
import { fileURLToPath } from 'node:url';
import createQuoteline from '../dist/quoteline.node.cjs';
import { createApi, QuotelineError } from './api.js';

const api = createApi(createQuoteline);

export const { analyze, analyzeCollection, version, timeline } = api;
export { QuotelineError };

/** Loads the wasm now; `wasm` may be a path, a file: URL or the bytes. */
export function init(options) {
  const wasm = options && options.wasm;
  if (wasm instanceof URL && wasm.protocol === 'file:')
    return api.init({ ...options, wasm: fileURLToPath(wasm) });
  return api.init(options);
}
