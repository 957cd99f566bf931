// Types of the `quoteline` package: the analysis API (node and browsers).
// The Analysis shape is the JSON the native CLI prints; offsets are UTF-16
// code units into `text` (JavaScript string indices).

/** A half-open range of UTF-16 code units into `Analysis.text`. */
export interface Span {
  start: number;
  end: number;
}

export interface Dateline {
  place: string;
  /** ISO 8601 date, or "" when it could not be normalized. */
  date: string;
  agency: string;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';
export type Cue =
  | 'explicit'
  | 'quoted-as-saying'
  | 'according-to'
  | 'colon'
  | 'statement'
  | 'role'
  | 'pronoun'
  | 'previous'
  | 'interview';

export interface Quote extends Span {
  /** "q1", "q2", ... in text order. */
  id: string;
  /** The words inside the marks (direct, partial) or the reported clause. */
  text: string;
  kind: QuoteKind;
  /** Canonical name of the speaker, or null when unknown. */
  speaker: string | null;
  /** `Speaker.id` of the speaker, or null. */
  speakerId: string | null;
  /** How the speaker was found, or null. */
  cue: Cue | null;
  /** The mention of the speaker that decided it, or null. */
  mention: (Span & { text: string }) | null;
  /** Split and multi-paragraph quotes share one utterance number. */
  utterance: number;
}

export interface Speaker {
  /** Stable slug of the name, e.g. "xi-jinping". */
  id: string;
  name: string;
  aliases: string[];
  role: string;
  kind: 'person' | 'organization' | 'unknown';
  quoteCount: number;
}

export interface Timex extends Span {
  /** "t1", "t2", ... */
  id: string;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 value: "2023-03-22", "2023-W12", "P3Y", "XXXX-WXX-1", ... */
  value: string;
  /** TIMEX3 mod (START, MID, END, APPROX, ...), when there is one. */
  mod?: string;
}

export interface TimelineEvent extends Span {
  /** "e1", "e2", ... */
  id: string;
  kind: 'published' | 'mention' | 'quote';
  /** TIMEX3 value of the moment. */
  when: string;
  /** `Timex.id` of the date expression, or null. */
  timex: string | null;
  /** `Quote.id` of the quote said at that time, or null. */
  quote: string | null;
}

export interface Diagnostic {
  level: 'warning' | 'error';
  code: string;
  message: string;
  position: number | null;
  in: 'input' | 'text';
}

/** The analysis of one article. */
export interface Analysis {
  id: string;
  headline: string;
  /** ISO 8601 as precise as the source ("2023-03-22T10:29"), or "". */
  published: string;
  byline: string;
  dateline: Dateline | null;
  /** The normalized text all offsets refer to. */
  text: string;
  /** Body paragraphs. */
  paragraphs: Span[];
  quotes: Quote[];
  speakers: Speaker[];
  timexes: Timex[];
  events: TimelineEvent[];
  diagnostics: Diagnostic[];
}

/** Stable error codes: the core's statuses plus `internal_error` (a wasm trap). */
export type ErrorCode =
  | 'empty_input'
  | 'input_too_large'
  | 'invalid_json'
  | 'too_deep'
  | 'not_an_article'
  | 'invalid_options'
  | 'internal_error';

/** A record of a collection that could not be read, in its place. */
export interface RecordError {
  error: {
    code: ErrorCode;
    message: string;
    position?: number;
    /** Index of the record in the collection. */
    record: number;
  };
}

/** The one error class thrown by this package. */
export class QuotelineError extends Error {
  readonly name: 'QuotelineError';
  /** Stable; match on it, not on the message. */
  readonly code: ErrorCode;
  /** Byte offset into the input, when it applies. */
  readonly position?: number;
  /** Index of the record, when one record of a collection failed. */
  readonly record?: number;
}

/** An article given as an object; it is JSON-encoded and read like JSON input. */
export interface ArticleObject {
  body?: string;
  [field: string]: unknown;
}

/**
 * Wire text or JSON as a string, the UTF-8 (or UTF-16 with BOM) bytes of
 * either, or an article object (an array of them for a collection).
 */
export type Input = string | Uint8Array | ArrayBuffer | ArrayBufferView | ArticleObject | ArticleObject[];

export interface AnalyzeOptions {
  /** How to read the input; "auto" (default) detects it. */
  format?: 'auto' | 'text' | 'json' | 'jsonl';
  /** Refuse inputs over this many bytes (input_too_large); default 512 MiB. */
  maxInput?: number;
}

export interface InitOptions {
  /** Where quoteline.wasm lives (a URL or, in node, a path), or its bytes. */
  wasm?: string | URL | ArrayBuffer | ArrayBufferView;
  /** Emscripten's hook mapping the file name to a URL or path. */
  locateFile?: (file: string, prefix: string) => string;
}

/** Analyzes one article; throws QuotelineError, also when the input holds several. */
export function analyze(input: Input, options?: AnalyzeOptions): Promise<Analysis>;

/** Analyzes every article of a collection (JSON array or JSON Lines); one article gives one entry. */
export function analyzeCollection(
  input: Input,
  options?: AnalyzeOptions,
): Promise<Array<Analysis | RecordError>>;

/** The core's version. */
export function version(): Promise<string>;

/**
 * Loads the wasm now instead of on the first analysis. Only the first call's
 * options count; call it before anything else to load the wasm from elsewhere.
 */
export function init(options?: InitOptions): Promise<void>;

/** An item to bin on the timeline: a minute range since 1970 and its event kind. */
export interface TimelineItem {
  start: number;
  end: number;
  kind: TimelineEvent['kind'];
}

/** The core's calendar bins of the placed items. */
export interface TimelineBins {
  /** Bin size: 1 hour, 2 day, 3 ISO week, 4 month, 5 quarter, 6 year, 7 decade. */
  used: number;
  /** Seven numbers per bin: start, end (minutes), first item, count, published, mentions, quotes. */
  bins: Float64Array;
}

/** The core's timeline: where TIMEX3 values sit in time, and calendar bins of items. */
export interface Timeline {
  /** [start, end) minutes of each value, two numbers per value; NaN when it has no place. */
  ranges(values: readonly string[]): Float64Array;
  /** Sets the items to bin, ordered by start, then end. */
  place(items: readonly TimelineItem[]): void;
  /**
   * Counts the placed items starting in [from, to) minutes per bin of `resolution`
   * (0: the finest with at most `target` bins).
   */
  bins(resolution: number, target: number, from: number, to: number): TimelineBins;
}

/** The core's timeline helpers on the shared module (what the viewer bins with). */
export function timeline(): Promise<Timeline>;

// <quoteline-viewer> (browser entry and standalone script).
export type { QuotelineViewer, QuotelineFilter, QuotelineFilterDetail, QuotelineSelectDetail } from './viewer.js';
