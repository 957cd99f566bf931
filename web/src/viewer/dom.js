// Tiny DOM helpers. Article content only ever enters the page as text
// nodes or attribute values: there is no HTML sink anywhere in the viewer.

/** Creates an element with attributes (string values) and children (nodes or text). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v == null || v === false) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) append(el, c);
  return el;
}

/** Appends a node, a string (as a text node) or an array of either. */
export function append(el, c) {
  if (c == null || c === false) return;
  if (Array.isArray(c)) for (const x of c) append(el, x);
  else el.append(typeof c === 'string' ? document.createTextNode(c) : c);
}

/** Removes every child of `el`. */
export function clear(el) {
  while (el.lastChild) el.lastChild.remove();
}

/** Sends a bubbling, composed CustomEvent from `el`. */
export function emit(el, type, detail) {
  el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Shortens `s` to about `n` characters at a word boundary. */
export function clip(s, n) {
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length <= n) return s;
  const cut = s.lastIndexOf(' ', n);
  return s.slice(0, cut > n * 0.6 ? cut : n) + '\u2026';
}

/** True when the user asked for less motion. */
export function calm() {
  return typeof matchMedia == 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Roving tabindex over `items()` inside `box`: one tab stop, arrows move.
 * `keys` maps extra keys to handlers. Returns a function that focuses an item.
 */
export function roving(box, items, { vertical = true, onMove } = {}) {
  const prev = vertical ? 'ArrowUp' : 'ArrowLeft';
  const next = vertical ? 'ArrowDown' : 'ArrowRight';
  function go(el) {
    if (!el) return;
    for (const x of box.querySelectorAll('[tabindex="0"]')) if (x !== el && items().includes(x)) x.tabIndex = -1;
    el.tabIndex = 0;
    el.focus();
    if (onMove) onMove(el);
  }
  box.addEventListener('keydown', (e) => {
    const list = items();
    const i = list.indexOf(e.target);
    if (i < 0) return;
    let to = null;
    const rtl = !vertical && getComputedStyle(box).direction === 'rtl';
    if (e.key === (rtl ? next : prev) && !e.shiftKey) to = list[i - 1];
    else if (e.key === (rtl ? prev : next) && !e.shiftKey) to = list[i + 1];
    else if (e.key === 'Home') to = list[0];
    else if (e.key === 'End') to = list[list.length - 1];
    else return;
    e.preventDefault();
    go(to || list[i]);
  });
  return go;
}
