// Drives the browser entry of the package; the mode (#default, #url,
// #bytes) says where the wasm comes from. The outcome lands in
// document.body.dataset.result for the test to read.
import { analyze, analyzeCollection, init, QuotelineError, version } from '../../../web/src/browser.js';

const wasm = new URL('../../../web/dist/quoteline.wasm', import.meta.url).href;
const body = '\u201cThe ferries will run every ten minutes,\u201d Mayor In\u00eas Carvalho said on Thursday \u{1F6A2}.';

async function main(mode) {
  if (mode === 'url') await init({ wasm: `${wasm}?moved` });
  if (mode === 'bytes') await init({ wasm: await (await fetch(wasm)).arrayBuffer() });
  const a = await analyze({ id: 'b1', headline: 'Ferries', body });
  const many = await analyzeCollection('{"body":"One."}\n{"nobody":1}\n');
  let code = null;
  try {
    await analyze('');
  } catch (e) {
    code = e instanceof QuotelineError ? e.code : String(e);
  }
  return { id: a.id, text: a.text, n: many.length, second: many[1].error.code, code, version: await version() };
}

main(location.hash.slice(1)).then(
  (r) => (document.body.dataset.result = JSON.stringify(r)),
  (e) => (document.body.dataset.result = JSON.stringify({ error: String(e) })),
);
