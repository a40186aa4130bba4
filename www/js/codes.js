// The code book page: every provider code, reason and status the core knows, from the wasm
// export `codebook(lang)`; searchable as you type (in both languages), each entry linkable.

import { loadCore, el, debounce } from './core.js';
import { t, lang, setupLangSwitch, onLangChange } from './i18n.js';
import { getBook } from './book.js';
import { faultLabel } from './render.js';

const $ = (id) => document.getElementById(id);

setupLangSwitch();

/** Lower case, full-width folded (NFKC), so `ＤＴ：ＳＰＭ` finds `DT:SPM`. */
const fold = (s) => String(s).normalize('NFKC').toLowerCase();

function haystack(e) {
  return fold([e.id, e.code, e.provider, e.hosts.join(' '), e.replies.join(' '), e.reason, e.label, e.title, e.detail, e.actions.join(' '), e.fault, e.faultLabel, e.sample].join('\n'));
}

/**
 * Gives every entry a unique anchor: the id the core gives it (`DT:SPM`, `DT:SPM (451)`), else its
 * code; a clash (which the core avoids) gets `~2`, `~3`.
 */
function anchors(entries) {
  const seen = new Map();
  return entries.map((e) => {
    const base = e.id || e.code || e.kind;
    const n = (seen.get(base) || 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  });
}

function renderEntry(e, id, faults) {
  const art = el('article', { class: `entry k-${e.kind}`, attrs: { id, tabindex: '-1' }, dataset: { kind: e.kind, code: e.code, provider: e.provider || null, reason: e.reason || null } });
  const head = el('header', { class: 'entry-head' });
  head.append(el('h3', {}, el('a', { class: 'code', attrs: { href: '#' + encodeURIComponent(id), title: t('codes.link') }, text: e.code })));
  if (e.provider) head.append(el('span', { class: 'provider', text: e.provider }));
  if (e.replies.length) head.append(el('span', { class: 'replies', text: e.replies.join(' / ') }));
  if (e.hosts.length) head.append(el('span', { class: 'hosts', text: e.hosts.join(', ') }));
  if (e.label) head.append(el('span', { class: 'label', text: e.label }));
  art.append(head);
  if (e.title) art.append(el('p', { class: 'title', text: e.title }));
  if (e.detail) art.append(el('p', { class: 'detail', text: e.detail }));
  const tags = el('p', { class: 'tags' });
  if (e.temporary === true) tags.append(el('span', { class: 'tag temporary', text: t('codes.temporary') }));
  if (e.temporary === false) tags.append(el('span', { class: 'tag permanent', text: t('codes.permanent') }));
  if (e.hard) tags.append(el('span', { class: 'tag hard', text: t('codes.hard') }));
  if (e.fault) tags.append(el('span', { class: 'tag fault', text: t('codes.whose') + (e.faultLabel || faultLabel(e.fault, faults)) }));
  if (e.generic) tags.append(el('span', { class: 'tag generic', text: t('codes.generic') }));
  if (e.kind !== 'reason' && e.reason) tags.append(el('span', { class: 'tag reason' }, t('codes.reason'), el('a', { attrs: { href: '#' + encodeURIComponent(e.reason) }, text: e.reason })));
  if (tags.childNodes.length) art.append(tags);
  if (e.actions.length) art.append(el('h4', { text: t('codes.todo') }), el('ol', { class: 'actions' }, e.actions.map((a) => el('li', { text: a }))));
  if (e.sample) art.append(el('p', { class: 'sample' }, el('span', { class: 'k', text: t('codes.sample') }), el('code', { text: e.sample })));
  if (e.source) art.append(el('p', { class: 'source' }, el('span', { class: 'k', text: t('codes.source') }), el('span', { text: e.source })));
  return art;
}

async function main() {
  const status = $('status');
  const api = await loadCore(status, t);
  if (!api) return;
  const q = $('q');
  const group = $('group');
  const host = $('book');
  const count = $('count');

  let books;
  try {
    books = { zh: getBook(api, 'zh'), en: getBook(api, 'en') };
  } catch (e) {
    status.textContent = String(e);
    status.classList.add('alert');
    return;
  }
  if (!books.zh) {
    status.textContent = t('codes.unavailable');
    document.body.dataset.ready = 'true';
    return;
  }
  status.hidden = true;

  // Search both languages: an English word finds a Chinese entry and the other way round.
  const all = (b) => [...b.codes, ...b.reasons, ...b.statuses];
  const zhAll = all(books.zh);
  const enAll = all(books.en || books.zh);
  const hay = zhAll.map((e, i) => haystack(e) + '\n' + (enAll[i] ? haystack(enAll[i]) : ''));
  const ids = anchors(zhAll);
  let nodes = [];

  const groups = () => {
    const providers = [...new Set(books.zh.codes.map((e) => e.provider).filter(Boolean))];
    const opts = [['', t('codes.all')], ...providers.map((p) => [`p:${p}`, p])];
    if (books.zh.reasons.length) opts.push(['k:reason', t('codes.reasons')]);
    if (books.zh.statuses.length) opts.push(['k:status', t('codes.statuses')]);
    const keep = group.value;
    group.replaceChildren(...opts.map(([v, label]) => el('option', { attrs: { value: v }, text: label })));
    group.value = opts.some(([v]) => v === keep) ? keep : '';
  };

  const render = () => {
    const book = books[lang()] || books.zh;
    const entries = all(book);
    const faults = book.faults;
    host.replaceChildren();
    nodes = [];
    const sections = [
      ['code', t('codes.providers')],
      ['reason', t('codes.reasons')],
      ['status', t('codes.statuses')],
    ];
    for (const [kind, title] of sections) {
      const list = el('div', { class: 'entries' });
      entries.forEach((e, i) => {
        if (e.kind !== kind) return;
        const node = renderEntry(e, ids[i], faults);
        nodes[i] = node;
        list.append(node);
      });
      if (list.childElementCount) host.append(el('section', { class: `book-section s-${kind}`, dataset: { kind } }, el('h2', { text: title }), list));
    }
    groups();
    filter();
  };

  const filter = () => {
    const terms = fold(q.value).split(/\s+/).filter(Boolean);
    const g = group.value;
    let shown = 0;
    zhAll.forEach((e, i) => {
      const node = nodes[i];
      if (!node) return;
      const inGroup = !g || (g.startsWith('p:') ? e.kind === 'code' && e.provider === g.slice(2) : e.kind === g.slice(2));
      const ok = inGroup && terms.every((term) => hay[i].includes(term));
      node.hidden = !ok;
      if (ok) shown++;
    });
    for (const sec of host.querySelectorAll('.book-section')) sec.hidden = !sec.querySelector('.entry:not([hidden])');
    count.textContent = shown ? t('codes.count', shown, zhAll.length) : t('codes.none');
    count.dataset.shown = String(shown);
    count.dataset.total = String(zhAll.length);
  };

  const goToHash = () => {
    let id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (_) {
      return;
    }
    if (!id) return;
    let i = ids.indexOf(id);
    // Also accept a code in any case or with spaces (`#dt:spm`, `#Ip frequency limited`).
    if (i < 0) i = zhAll.findIndex((e) => fold(e.code) === fold(id));
    if (i < 0 || !nodes[i]) return;
    if (nodes[i].hidden) {
      q.value = '';
      group.value = '';
      filter();
    }
    for (const n of host.querySelectorAll('.entry.target')) n.classList.remove('target');
    nodes[i].classList.add('target');
    nodes[i].scrollIntoView({ block: 'start' });
    nodes[i].focus({ preventScroll: true });
  };

  q.addEventListener('input', debounce(filter, 60));
  group.addEventListener('change', filter);
  window.addEventListener('hashchange', goToHash);
  onLangChange(() => {
    render();
    goToHash();
  });
  render();
  goToHash();
  document.body.dataset.ready = 'true';
}

main();
