// Instantiates the wasm module once per page or process. Every entry point
// (node, browser, standalone) hands its own Emscripten factory to
// createLoader; nothing else in the package touches the factory.

/**
 * @typedef {object} InitOptions
 * @property {string | URL | ArrayBuffer | ArrayBufferView} [wasm]
 *   Where the .wasm lives (a URL or path), or its bytes.
 * @property {(file: string, prefix: string) => string} [locateFile]
 *   Emscripten's hook: maps the module's file name to a URL or path.
 */

/** Turns the public init options into the factory's module arguments. */
function moduleArgs(options) {
  const args = {};
  const { wasm, locateFile } = options || {};
  if (wasm instanceof ArrayBuffer) args.wasmBinary = new Uint8Array(wasm);
  else if (ArrayBuffer.isView(wasm))
    args.wasmBinary = new Uint8Array(wasm.buffer, wasm.byteOffset, wasm.byteLength);
  else if (wasm != null) args.locateFile = () => String(wasm);
  else if (typeof locateFile === 'function') args.locateFile = locateFile;
  return args;
}

/**
 * Returns `{ load, reset }`: `load(options)` resolves to the module, made on
 * the first call only (later options are ignored); a failed load is retried
 * on the next call, and `reset()` drops a module that must not be reused.
 */
export function createLoader(factory) {
  let pending = null;
  function load(options) {
    if (!pending) {
      pending = Promise.resolve()
        .then(() => factory(moduleArgs(options)))
        .then(unthen);
      pending.catch(() => {
        pending = null;
      });
    }
    return pending;
  }
  function reset() {
    pending = null;
  }
  return { load, reset };
}

// Some Emscripten versions give the module a `then`; a promise resolving to
// a thenable would wait on it forever.
function unthen(module) {
  if (module && typeof module.then === 'function') delete module.then;
  return module;
}
