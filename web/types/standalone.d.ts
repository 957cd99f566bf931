// `quoteline/standalone`: a classic script (wasm inlined) that defines the
// global `Quoteline` with the same API as the package's main entry.
import * as api from './index.js';

declare global {
  const Quoteline: typeof api;
}

export {};
