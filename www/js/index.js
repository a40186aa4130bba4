// The playground: the recipient checker, the bounce explainer and the install section.

import { loadCore, el, debounce, announce } from './core.js';
import { t, has, lang, setupLangSwitch, onLangChange } from './i18n.js';
import { renderRecipient, renderFieldFindings, renderReport } from './render.js';
import { RECIPIENTS, BOUNCES } from './examples.js';
import { loadFaultLabels, codeLinker } from './book.js';

const $ = (id) => document.getElementById(id);

/** A bounce is small; a file larger than this is not one (an mbox of years, a video). */
const MAX_FILE = 25 * 1024 * 1024;

setupLangSwitch();

// `/#DT:SPM` is a code-book link: the entries live on codes.html.
function forwardCodeLinks() {
  const id = (() => {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch (_) {
      return '';
    }
  })();
  if (id && !document.getElementById(id)) location.replace('codes.html' + location.search + location.hash);
}
forwardCodeLinks();
window.addEventListener('hashchange', forwardCodeLinks);

/** Splits a string into Unicode scalar values, the unit of the checker's offsets. */
const chars = (s) => Array.from(s);

/**
 * The text that replaces one recipient when its fix is applied: the address inside `<…>` (or
 * `＜…＞`) is swapped and the display name kept; otherwise the whole recipient, keeping the
 * spaces around it.
 */
function replacementFor(raw, suggestion) {
  const angle = /([<＜])([^<>＜＞]*)([>＞])/.exec(raw);
  if (angle) return raw.slice(0, angle.index) + '<' + suggestion + '>' + raw.slice(angle.index + angle[0].length);
  const lead = /^\s*/.exec(raw)[0];
  const trail = /\s*$/.exec(raw)[0];
  return lead + suggestion + trail;
}

function setupChecker(api) {
  const field = $('rcpt');
  const out = $('rcpt-out');
  const fieldOut = $('rcpt-field');
  const summary = $('rcpt-summary');
  let last = null;

  const run = () => {
    const text = field.value;
    out.replaceChildren();
    fieldOut.replaceChildren();
    summary.textContent = '';
    if (!text.trim()) {
      last = null;
      return;
    }
    let report;
    try {
      report = api.checkRecipients(text, { lang: lang() });
    } catch (e) {
      summary.textContent = String(e);
      return;
    }
    last = report;
    const recips = Array.isArray(report.recipients) ? report.recipients : [];
    const by = (v) => recips.filter((r) => r.verdict === v).length;
    const parts = [recips.length ? t('check.count', recips.length) : t('check.none')];
    if (by('error')) parts.push(t('check.nError', by('error')));
    if (by('warning')) parts.push(t('check.nWarning', by('warning')));
    summary.textContent = parts.join(t('check.sep'));
    const fieldFindings = Array.isArray(report.findings) ? report.findings : [];
    if (fieldFindings.length) fieldOut.append(el('p', { class: 'k', text: t('check.field') }), renderFieldFindings(fieldFindings, (s) => setField(s, s)));
    if (report.fixed != null && report.fixed !== text) {
      fieldOut.append(el('p', { class: 'fixline' }, el('button', { class: 'fix fixall', text: t('check.fixall'), attrs: { type: 'button' }, on: { click: () => setField(report.fixed, report.fixed) } })));
    }
    for (const r of recips) out.append(renderRecipient(r, { onFix: (s, rec) => applyFix(rec, s) }));
  };

  const setField = (value, what) => {
    field.value = value;
    run();
    field.focus();
    announce(t('check.fixed', what));
  };

  const applyFix = (rec, suggestion) => {
    const text = field.value;
    if (!last || last.input !== text) return run();
    const cs = chars(text);
    const start = Math.max(0, Math.min(cs.length, rec.start | 0));
    const end = Math.max(start, Math.min(cs.length, rec.end | 0));
    const raw = cs.slice(start, end).join('');
    const next = cs.slice(0, start).join('') + replacementFor(raw, suggestion) + cs.slice(end).join('');
    setField(next, suggestion);
  };

  field.addEventListener('input', debounce(run, 120));
  for (const b of document.querySelectorAll('button[data-example]')) {
    b.addEventListener('click', () => {
      field.value = RECIPIENTS[b.dataset.example] ?? '';
      run();
      field.focus();
    });
  }
  onLangChange(run);
  run();
}

function setupExplainer(api, faultLabels) {
  const box = $('bounce');
  const out = $('bounce-out');
  const note = $('file-note');
  const drop = $('drop');
  const input = $('eml');
  const codeLink = codeLinker(api);
  // The last input: text from the box, or the bytes of a file (kept to re-explain on a language switch).
  let bytes = null;
  let fileName = '';

  const onCopy = async (s) => {
    try {
      await navigator.clipboard.writeText(s);
      announce(t('explain.copied'));
    } catch (_) {
      announce(s);
    }
  };

  const show = (report) => {
    out.replaceChildren(renderReport(report, { faultLabels: faultLabels(), onCopy, codeLink }));
  };

  const run = () => {
    try {
      if (bytes) {
        show(api.explainBounceBytes(bytes, { lang: lang() }));
        return;
      }
      const text = box.value;
      if (!text.trim()) {
        out.replaceChildren();
        return;
      }
      show(api.explainBounce(text, { lang: lang() }));
    } catch (e) {
      out.replaceChildren(el('p', { class: 'alert', text: String(e) }));
    }
  };

  const readFile = async (file) => {
    if (!file) return;
    if (file.size > MAX_FILE) {
      bytes = null;
      out.replaceChildren();
      note.textContent = t('explain.toobig', file.name, Math.round(MAX_FILE / 1048576));
      return;
    }
    const buf = new Uint8Array(await file.arrayBuffer());
    bytes = buf;
    fileName = file.name;
    box.value = '';
    note.textContent = t('explain.fileread', file.name, buf.length);
    run();
  };

  box.addEventListener('input', () => {
    bytes = null;
    note.textContent = '';
  });
  box.addEventListener('input', debounce(run, 250));
  input.addEventListener('change', () => {
    readFile(input.files && input.files[0]);
    input.value = '';
  });
  for (const target of [drop, box]) {
    target.addEventListener('dragover', (e) => {
      if (e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files')) {
        e.preventDefault();
        drop.classList.add('over');
      }
    });
    target.addEventListener('dragleave', () => drop.classList.remove('over'));
    target.addEventListener('drop', (e) => {
      drop.classList.remove('over');
      const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (file) {
        e.preventDefault();
        readFile(file);
      }
    });
  }
  $('bounce-clear').addEventListener('click', () => {
    bytes = null;
    box.value = '';
    note.textContent = '';
    out.replaceChildren();
    box.focus();
  });
  for (const b of document.querySelectorAll('button[data-bounce]')) {
    b.addEventListener('click', () => {
      bytes = null;
      note.textContent = '';
      box.value = BOUNCES[b.dataset.bounce] ?? '';
      run();
      out.scrollIntoView({ block: 'nearest' });
    });
  }
  onLangChange(() => {
    if (bytes) note.textContent = t('explain.fileread', fileName, bytes.length);
    run();
  });
  run();
}

/** Screenshots of the extension, listed by the build in screenshots/index.json when there are any. */
async function setupShots() {
  let list;
  try {
    const res = await fetch('screenshots/index.json');
    if (!res.ok) return;
    list = await res.json();
  } catch (_) {
    return;
  }
  if (!Array.isArray(list) || !list.length) return;
  const host = $('shots-list');
  const render = () => {
    host.replaceChildren();
    for (const item of list) {
      const file = typeof item === 'string' ? item : item.file;
      if (typeof file !== 'string' || !/^[\w.-]+\.(png|jpe?g|webp)$/i.test(file)) continue;
      const base = file.replace(/\.[a-z]+$/i, '');
      const caption = (typeof item === 'object' && (item[lang()] || item.caption)) || (has(`shot.${base}`) ? t(`shot.${base}`) : base.replace(/[-_]+/g, ' '));
      host.append(el('figure', {}, el('a', { attrs: { href: `screenshots/${file}` } }, el('img', { attrs: { src: `screenshots/${file}`, alt: caption, loading: 'lazy' } })), el('figcaption', { text: caption })));
    }
    $('shots').hidden = !host.childElementCount;
  };
  render();
  onLangChange(render);
}

/** Download links for the extension packages the build found (download/index.json). */
async function setupDownloads() {
  let list;
  try {
    const res = await fetch('download/index.json');
    if (!res.ok) return;
    list = await res.json();
  } catch (_) {
    return;
  }
  if (!Array.isArray(list)) return;
  for (const p of document.querySelectorAll('.download[data-package]')) p.hidden = !list.includes(p.dataset.package);
}

async function main() {
  setupShots();
  setupDownloads();
  const status = $('status');
  const api = await loadCore(status, t);
  if (!api) return;
  status.hidden = true;
  const labels = await loadFaultLabels(api);
  setupChecker(api);
  setupExplainer(api, labels);
  document.body.dataset.ready = 'true';
}

main();
