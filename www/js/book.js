// The code book as the core exports it (`codebook(lang)`), read into one flat list of entries.
// The reader is lenient about the exact field names so the page survives small changes in the
// export, but it never invents content: every text shown comes from the core.

import { lang } from './i18n.js';

const str = (v) => {
  if (v == null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object') return str(v.name ?? v.code ?? v.label ?? '');
  return String(v);
};
const arr = (v) => (Array.isArray(v) ? v : v == null || v === '' ? [] : [v]);
const bool = (v) => (typeof v === 'boolean' ? v : null);

function first(obj, keys) {
  for (const k of keys) if (obj && obj[k] != null && obj[k] !== '') return obj[k];
  return undefined;
}

/** One entry, whatever its section: a provider code, a reason or an RFC 3463 status. */
function entry(raw, kind) {
  const fault = first(raw, ['fault', 'fault_side', 'side']);
  const reason = first(raw, ['reason']);
  let code = str(first(raw, ['code', 'status', 'tag', 'name', 'id']));
  if (!code && kind === 'reason') code = str(reason);
  return {
    kind,
    id: str(first(raw, ['id', 'anchor'])),
    code,
    provider: str(first(raw, ['provider', 'provider_name'])),
    replies: arr(first(raw, ['replies', 'reply_codes', 'reply'])).map(str),
    reason: str(reason ?? (kind === 'reason' ? code : '')),
    label: str(first(raw, ['reason_short', 'short', 'label', 'badge', 'reason_label'])),
    temporary: bool(raw.temporary),
    generic: raw.generic === true,
    hard: bool(raw.hard),
    fault: str(fault),
    faultLabel: str(first(raw, ['fault_label']) ?? (fault && typeof fault === 'object' ? fault.label : '')),
    title: str(first(raw, ['title', 'meaning', 'subject', 'summary'])),
    detail: str(first(raw, ['detail', 'description', 'explanation', 'text'])),
    actions: arr(first(raw, ['actions', 'steps'])).map(str),
    hosts: arr(first(raw, ['hosts'])).map(str),
    sample: str(first(raw, ['sample', 'example'])),
    source: str(first(raw, ['source', 'sources'])),
  };
}

const CODE_KEYS = ['codes', 'provider_codes', 'providers', 'entries'];
const REASON_KEYS = ['reasons'];
const STATUS_KEYS = ['statuses', 'status_codes', 'rfc3463', 'enhanced_statuses'];

function section(book, keys) {
  for (const k of keys) if (Array.isArray(book[k])) return book[k];
  return [];
}

/** Reads a codebook object into `{codes, reasons, statuses, faults}` of normalised entries. */
export function readBook(book) {
  if (Array.isArray(book)) book = { codes: book };
  book = book || {};
  const faults = {};
  const rawFaults = first(book, ['faults', 'fault_labels']);
  if (Array.isArray(rawFaults)) for (const f of rawFaults) faults[str(f.name ?? f.fault ?? f.id)] = str(f.label ?? f.title);
  else if (rawFaults && typeof rawFaults === 'object') for (const [k, v] of Object.entries(rawFaults)) faults[k] = str(v);
  return {
    codes: section(book, CODE_KEYS).map((r) => entry(r, 'code')),
    reasons: section(book, REASON_KEYS).map((r) => entry(r, 'reason')),
    statuses: section(book, STATUS_KEYS).map((r) => entry(r, 'status')),
    faults,
  };
}

const cache = {};

/** The code book in `l` (default: the page language), or null when the wasm has no export. */
export function getBook(api, l = lang()) {
  if (typeof api.codebook !== 'function') return null;
  if (!cache[l]) cache[l] = readBook(api.codebook(l));
  return cache[l];
}

/**
 * A function giving the fault-side labels of the current language from the core's code book
 * (entries carry them), or null labels when the book is missing (the page then uses its own).
 */
export async function loadFaultLabels(api) {
  return () => {
    let book;
    try {
      book = getBook(api);
    } catch (_) {
      return null;
    }
    if (!book) return null;
    const labels = { ...book.faults };
    for (const e of [...book.codes, ...book.reasons]) if (e.fault && e.faultLabel && !labels[e.fault]) labels[e.fault] = e.faultLabel;
    return labels;
  };
}

/**
 * A function giving the code-book link of a provider code: the entry with that code whose reply
 * numbers include `reply` (Netease uses one tag under several numbers), else the first with that
 * code, else a plain `codes.html#CODE`.
 */
export function codeLinker(api) {
  return (code, reply) => {
    let book;
    try {
      book = getBook(api);
    } catch (_) {
      return null;
    }
    if (!book) return null;
    const same = book.codes.filter((e) => e.code === code);
    const best = same.find((e) => reply && e.replies.includes(reply)) || same[0];
    return best && best.id ? 'codes.html#' + encodeURIComponent(best.id) : null;
  };
}
