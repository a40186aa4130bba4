// Loads the analyzer (the same wasm as the extension) once, and small DOM helpers.
// Every piece of text from the user or from a mail goes into the page through `el()` /
// `textContent`; nothing here parses HTML.

import init, * as wasm from '../pkg/tuixin.js';

let ready = null;

/** Resolves to the wasm module's exports once it is instantiated. */
export function core() {
  if (!ready) ready = init().then(() => wasm);
  return ready;
}

/** Loads the analyzer while `status` says so; on failure `status` says why and the result is null. */
export async function loadCore(status, t) {
  status.textContent = t('loading');
  try {
    return await core();
  } catch (e) {
    status.textContent = t('load.failed') + String(e);
    status.classList.add('alert');
    return null;
  }
}

/**
 * Creates an element. `props`: `class`, `text` (textContent), `attrs` (plain attributes, never
 * event handlers or style), `dataset`, and `on` ({event: handler}). Children are nodes or strings
 * (strings become text nodes).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text != null) node.textContent = String(props.text);
  if (props.attrs) {
    for (const [k, v] of Object.entries(props.attrs)) {
      if (v == null || v === false) continue;
      if (/^on/i.test(k) || k === 'style' || k === 'srcdoc') throw new Error(`refusing attribute ${k}`);
      // Links are only ever relative to this site (the code book, a screenshot): no scheme at all.
      if ((k === 'href' || k === 'src') && /^\s*[a-z][a-z0-9+.-]*:/i.test(String(v))) throw new Error(`refusing ${k} with a scheme`);
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  if (props.dataset) for (const [k, v] of Object.entries(props.dataset)) if (v != null) node.dataset[k] = String(v);
  if (props.on) for (const [ev, fn] of Object.entries(props.on)) node.addEventListener(ev, fn);
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

/** Runs `fn` `ms` after the last call. */
export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Announces a short message to screen readers through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announce');
  if (!region) return;
  region.textContent = '';
  setTimeout(() => {
    region.textContent = message;
  }, 30);
}

/** The anchor id a code-book entry gets, also used to link to it (`codes.html#DT:SPM`). */
export function codeAnchor(code) {
  return String(code).trim();
}

/** A link to a code-book entry. The href is built here, never taken from mail text as a URL. */
export function codeHref(code) {
  return 'codes.html#' + encodeURIComponent(codeAnchor(code));
}
