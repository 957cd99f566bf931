// Types of <quoteline-viewer> (web/src/viewer/element.js), registered by the
// browser entry and by the standalone script. See docs/viewer.md.
import type { Analysis, Input } from './index.js';

export interface QuotelineSelectDetail {
  /** The article's id. */
  article: string;
  /** The article's index in `analyses`. */
  index: number;
  quote: string | null;
  event: string | null;
}

export interface QuotelineFilter {
  speaker?: string;
  kind?: '' | 'direct' | 'partial' | 'indirect';
  text?: string;
  /** ISO 8601 times (or anything `new Date()` reads). */
  range?: { from: string; to: string } | null;
}

export interface QuotelineFilterDetail {
  speaker: string;
  kind: string;
  text: string;
  range: { from: string; to: string } | null;
}

export declare class QuotelineViewer extends HTMLElement {
  /** 'idle' | 'loading' | 'ready' | 'error' (also the `data-state` attribute). */
  readonly state: string;
  /** The analyses shown; set to show analyses made elsewhere. */
  analyses: Analysis[];
  /** The article shown now. */
  analysis: Analysis | null;
  /** Analyses `input` and shows it. */
  load(input: Input): Promise<Analysis[]>;
  /** Focuses a quote or an event in the text, like a click in the panel or timeline. */
  select(target: { article?: string | number; quote?: string; event?: string }): Element | null | undefined;
  filter(patch: QuotelineFilter): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'quoteline-viewer': QuotelineViewer;
  }
  interface HTMLElementEventMap {
    'quoteline-ready': CustomEvent<{ articles: number; quotes: number; errors: number }>;
    'quoteline-select': CustomEvent<QuotelineSelectDetail>;
    'quoteline-filter': CustomEvent<QuotelineFilterDetail>;
    'quoteline-error': CustomEvent<{ code: string; message: string }>;
  }
}
