// The analysis API over one Emscripten factory. Input crosses as bytes
// written into the wasm heap; the core answers with a status and JSON
// bytes, which become plain JS values here. Every failure leaves through
// check() as a QuotelineError with a stable `code`.
import { createLoader } from './loader.js';

/** The core's own limit (quoteline::options::max_input), checked before copying. */
export const DEFAULT_MAX_INPUT = 512 * 1024 * 1024;
const FORMATS = ['auto', 'text', 'json', 'jsonl'];

/** The one error class of the package; `code` is stable, `message` is not. */
export class QuotelineError extends Error {
  constructor(code, message, position, record) {
    super(message);
    this.name = 'QuotelineError';
    this.code = code;
    if (position != null && position >= 0) this.position = position;
    if (record != null && record >= 0) this.record = record;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Validates the analysis options into the binding's settings. */
function settingsOf(options) {
  const o = options == null ? {} : options;
  if (typeof o !== 'object') throw new QuotelineError('invalid_options', 'options must be an object');
  const format = o.format === undefined ? 'auto' : o.format;
  if (!FORMATS.includes(format))
    throw new QuotelineError('invalid_options', `unknown input format: ${String(format)}`);
  const maxInput = o.maxInput === undefined ? DEFAULT_MAX_INPUT : o.maxInput;
  if (typeof maxInput !== 'number' || !(maxInput >= 1) || !Number.isFinite(maxInput))
    throw new QuotelineError('invalid_options', 'maxInput must be a positive number of bytes');
  return { format, maxInput: Math.floor(maxInput), pretty: false };
}

function tooLarge(size, max) {
  return new QuotelineError('input_too_large', `input is over the limit of ${max} bytes`);
}

/**
 * The input as UTF-8 bytes: strings are encoded once, objects (an article or
 * an array of them) are JSON-encoded first. Oversize input is refused before
 * the heap is touched.
 */
export function bytesOf(input, settings) {
  const max = settings.maxInput;
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  let text = input;
  if (typeof input === 'object' && input !== null) {
    if (settings.format === 'text' || settings.format === 'jsonl')
      throw new QuotelineError('invalid_options', `an object cannot be read as ${settings.format}`);
    text = JSON.stringify(input);
  } else if (typeof input !== 'string') {
    throw new QuotelineError('not_an_article', 'input must be a string, bytes or an article object');
  }
  // Every UTF-16 unit takes at least one UTF-8 byte.
  if (text.length > max) throw tooLarge(`at least ${text.length}`, max);
  return encoder.encode(text);
}

/**
 * Opens `bytes` in the core. A fatal outcome carries its JSON error line at
 * `outcome.output`; otherwise pull the entries with entries(), each analysed
 * in its turn (the core holds one at a time); `module.clear()` drops the rest.
 */
export function run(module, bytes, settings) {
  if (bytes.length > settings.maxInput) throw tooLarge(bytes.length, settings.maxInput);
  const at = module.alloc(bytes.length);
  if (!at) throw new QuotelineError('input_too_large', 'not enough memory for the input');
  module.view(at, bytes.length).set(bytes);
  return module.analyze(at, bytes.length, settings);
}

/**
 * Yields each entry of the last run as a view of its JSON bytes (valid until
 * the next call into the module) and whether it is an unreadable record.
 */
export function* entries(module) {
  for (let c = module.entry(); !c.done; c = module.entry())
    yield { json: module.view(c.output, c.size), failed: c.failed };
}

// Which timeline's items the module holds: several viewers share a module.
const placedBy = new WeakMap();

/**
 * A timeline on the core of one module: minute ranges of TIMEX3 values and
 * calendar bins of placed items, so a page draws what the core counts. Each
 * call gives an independent timeline.
 */
export function timelineOf(module) {
  let packed = new Float64Array(0);
  const self = {
    /** [start, end) minutes per value, two numbers each; NaN when unplaceable. */
    ranges(values) {
      if (!values.length) return new Float64Array(0); // '' would read as one empty value
      return module.ranges(values.map((v) => String(v ?? '').replace(/\n/g, ' ')).join('\n')).slice();
    },
    /** Sets the items to bin: `{start, end, kind}` in minutes, ordered by start, then end. */
    place(items) {
      packed = new Float64Array(items.length * 3);
      items.forEach((it, i) => {
        packed[3 * i] = it.start;
        packed[3 * i + 1] = it.end;
        packed[3 * i + 2] = it.kind === 'published' ? 0 : it.kind === 'quote' ? 2 : 1;
      });
      load();
    },
    /**
     * The placed items starting in [from, to) minutes per calendar bin:
     * `used` is the resolution (1 hour ... 7 decade), `bins` 7 numbers per
     * bin (start, end, first item, count, published, mentions, quotes).
     */
    bins(resolution, target, from, to) {
      if (placedBy.get(module) !== self) load();
      const h = module.bins(resolution, target, from, to);
      return { used: h.used, bins: h.bins.slice() };
    },
  };
  function load() {
    const at = module.alloc(packed.byteLength);
    if (!at) throw new QuotelineError('input_too_large', 'not enough memory for the timeline');
    new Float64Array(module.view(at, packed.byteLength).buffer, at, packed.length).set(packed);
    module.place(at, packed.length / 3);
    placedBy.set(module, self);
  }
  return self;
}

function check(outcome) {
  if (outcome.status === 'ok') return;
  throw new QuotelineError(outcome.status, outcome.message, outcome.position);
}

function fromRecord(e) {
  return new QuotelineError(e.code, e.message, e.position, e.record);
}

/**
 * The public API over an Emscripten factory: analyze, analyzeCollection,
 * version and init, sharing one lazily made module.
 */
export function createApi(factory) {
  const loader = createLoader(factory);

  // Parses each entry while it is still in the heap; the core releases it.
  async function parse(input, options, single) {
    const settings = settingsOf(options);
    const bytes = bytesOf(input, settings);
    const module = await loader.load();
    try {
      const outcome = run(module, bytes, settings);
      check(outcome);
      const values = [];
      for (const { json } of entries(module)) {
        if (single && values.length === 1)
          throw new QuotelineError(
            'not_an_article',
            'the input holds more than one article: use analyzeCollection()',
          );
        values.push(JSON.parse(decoder.decode(json)));
      }
      if (single && values.length === 0)
        throw new QuotelineError('not_an_article', 'the input holds no article');
      module.clear();
      return { outcome, values };
    } catch (e) {
      if (e instanceof QuotelineError) {
        module.clear();
        throw e;
      }
      // A trap (out of memory, a core bug) leaves the instance unusable.
      loader.reset();
      throw Object.assign(new QuotelineError('internal_error', `the wasm module failed: ${e}`), {
        cause: e,
      });
    }
  }

  /** Analyzes one article. */
  async function analyze(input, options) {
    const article = (await parse(input, options, true)).values[0];
    if (article.error) throw fromRecord(article.error);
    return article;
  }

  /** Analyzes every article of a collection (one article counts as one). */
  async function analyzeCollection(input, options) {
    return (await parse(input, options, false)).values;
  }

  /** The core's version. */
  async function version() {
    return (await loader.load()).version();
  }

  /** Loads the wasm now, optionally from elsewhere; later calls share it. */
  async function init(options) {
    await loader.load(options);
  }

  /** The core's timeline helpers (see timelineOf), on the shared module. */
  async function timeline() {
    return timelineOf(await loader.load());
  }

  return { analyze, analyzeCollection, version, init, timeline, load: loader.load };
}
