// Rendering of the analyzer's reports (the CLI JSON shapes of DESIGN.md) as DOM, text only.

import { el, codeHref } from './core.js';
import { t, has } from './i18n.js';

const VERDICTS = ['ok', 'info', 'warning', 'error'];

export function verdictBadge(verdict) {
  const v = VERDICTS.includes(verdict) ? verdict : 'info';
  return el('span', { class: `badge v-${v}`, text: t(`verdict.${v}`) });
}

// Characters that look like ASCII but are not, or that cannot be seen: shown marked, so the user
// sees what the finding is about (a full-width ＠ looks like @ in many fonts).
const INVISIBLE = /[\u00ad\u00a0\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u3000\ufeff]/u;
const ODD = /[\u00ad\u00a0\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u3000\ufeff\u3001\u3002\uff01-\uff5e\uff61\u0400-\u04ff\u0370-\u03ff]/u;

const hex = (c) => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0');

/** The text in a <code>, with odd characters in <mark> (built as text nodes, never as HTML). */
export function markOdd(text, cls = 'raw') {
  const code = el('code', { class: cls });
  let plain = '';
  for (const c of Array.from(text)) {
    if (!ODD.test(c)) {
      plain += c;
      continue;
    }
    if (plain) code.append(plain);
    plain = '';
    code.append(el('mark', { class: 'odd', text: INVISIBLE.test(c) ? `⟨${hex(c)}⟩` : c, attrs: { title: hex(c) } }));
  }
  if (plain) code.append(plain);
  return code;
}

/**
 * One recipient of a check report. `onFix(suggestion, recipient)` is called by the fix buttons;
 * `fixLabel(s)` gives the button text.
 */
export function renderRecipient(r, { onFix, fixLabel = (s) => t('check.fix', s) } = {}) {
  const verdict = VERDICTS.includes(r.verdict) ? r.verdict : 'info';
  const li = el('li', { class: `rcpt v-${verdict}`, dataset: { verdict } });
  const shown = String(r.raw ?? '').trim() || String(r.address ?? '');
  const head = el('div', { class: 'rcpt-head' }, verdictBadge(verdict), markOdd(shown));
  if (r.address && r.address !== shown && !shown.includes(r.address)) {
    head.append(el('span', { class: 'arrow', text: ' → ', attrs: { 'aria-hidden': 'true' } }), el('code', { class: 'addr', text: r.address }));
  }
  li.append(head);

  const findings = Array.isArray(r.findings) ? r.findings : [];
  const offered = new Set();
  const fixButton = (s) => {
    offered.add(s);
    return el('button', {
      class: 'fix',
      text: fixLabel(s),
      dataset: { suggestion: s },
      attrs: { type: 'button' },
      on: { click: () => onFix && onFix(s, r) },
    });
  };
  if (findings.length) {
    const ul = el('ul', { class: 'findings' });
    for (const f of findings) {
      const sev = ['info', 'warning', 'error'].includes(f.severity) ? f.severity : 'info';
      const item = el('li', { class: `finding s-${sev}`, dataset: { rule: f.rule, severity: sev } }, el('span', { class: 'msg', text: f.message ?? f.rule }));
      if (f.suggestion && !offered.has(f.suggestion)) item.append(' ', fixButton(f.suggestion));
      ul.append(item);
    }
    li.append(ul);
  } else {
    li.append(el('p', { class: 'ok', text: t('check.ok') }));
  }
  if (r.suggestion && !offered.has(r.suggestion)) li.append(el('p', { class: 'fixline' }, fixButton(r.suggestion)));
  return li;
}

/** Field-level findings of a check report. */
export function renderFieldFindings(findings, onFix) {
  const ul = el('ul', { class: 'findings field' });
  for (const f of findings) {
    const sev = ['info', 'warning', 'error'].includes(f.severity) ? f.severity : 'info';
    const item = el('li', { class: `finding s-${sev}`, dataset: { rule: f.rule, severity: sev } }, verdictBadge(sev), ' ', el('span', { class: 'msg', text: f.message ?? f.rule }));
    if (f.suggestion) {
      // A field-level suggestion is the whole field: the button says so, the text is shown beside it.
      item.append(' ', el('button', { class: 'fix', text: t('check.fixField'), dataset: { suggestion: f.suggestion }, attrs: { type: 'button' }, on: { click: () => onFix(f.suggestion) } }), ' ', el('code', { class: 'preview', text: f.suggestion }));
    }
    ul.append(item);
  }
  return ul;
}

function row(dl, label, value, cls) {
  if (value == null || value === '') return;
  dl.append(el('dt', { text: label }), el('dd', { class: cls }, value));
}

/** The label of a fault side: the core's label when the code book gave one, else the page's. */
export function faultLabel(fault, labels) {
  if (labels && labels[fault]) return labels[fault];
  return has(`fault.${fault}`) ? t(`fault.${fault}`) : String(fault ?? '');
}

/** The explanation card of one failed recipient of an explain report. */
export function renderBounceRecipient(r, { faultLabels, onCopy, codeLink } = {}) {
  const exp = r.explanation || {};
  const card = el('article', {
    class: `card f-${r.fault} ${r.temporary ? 'temporary' : 'permanent'}`,
    dataset: { reason: r.reason, fault: r.fault, temporary: String(!!r.temporary), hard: String(!!r.hard), providerCode: r.provider_code },
  });
  card.append(el('h3', { class: 'title', text: exp.title || r.reason || '' }));
  // A bare SMTP reply names no recipient: say nothing rather than "unknown".
  if (r.address) card.append(el('p', { class: 'who' }, el('span', { class: 'k', text: t('explain.recipient') + ': ' }), markOdd(r.address, 'addr')));

  const dl = el('dl', { class: 'facts' });
  row(dl, t('explain.what'), exp.detail, 'detail');
  row(dl, t('explain.whose'), faultLabel(r.fault, faultLabels), 'fault');
  row(dl, t('explain.retry'), (r.temporary ? t('explain.retry.yes') : t('explain.retry.no')) + (r.hard ? t('explain.hard') : ''), 'retry');
  card.append(dl);

  const actions = Array.isArray(exp.actions) ? exp.actions : [];
  if (actions.length) {
    card.append(el('h4', { text: t('explain.todo') }), el('ol', { class: 'actions' }, actions.map((a) => el('li', { text: a }))));
  }

  if (r.address_check) {
    const box = el('div', { class: 'addrcheck' }, el('h4', { text: t('explain.addrcheck') }));
    box.append(el('ul', { class: 'recipients' }, renderRecipient(r.address_check, { onFix: onCopy, fixLabel: (s) => t('explain.copy', s) })));
    card.append(box);
  }

  const det = el('details', { class: 'tech' }, el('summary', { text: t('explain.details') }));
  const tdl = el('dl');
  row(tdl, t('explain.reason'), el('a', { attrs: { href: codeHref(r.reason) } }, el('code', { text: r.reason })), 'reason');
  row(tdl, t('explain.action'), r.action ? el('code', { text: r.action }) : null);
  row(tdl, t('explain.status'), r.status ? el('code', { text: r.status }) : null, 'status');
  row(tdl, t('explain.reply'), r.reply_code ? el('code', { text: r.reply_code }) : null, 'reply');
  if (r.provider_code) {
    const href = (codeLink && codeLink(r.provider_code, r.reply_code)) || codeHref(r.provider_code);
    row(tdl, t('explain.pcode'), el('span', {}, el('code', { text: r.provider_code }), ' ', el('a', { text: t('explain.incodebook'), attrs: { href } })), 'pcode');
  }
  row(tdl, t('explain.host'), r.remote_host ? el('code', { text: r.remote_host }) : null, 'host');
  row(tdl, t('explain.diagnostic'), r.diagnostic ? el('pre', { text: r.diagnostic }) : null, 'diagnostic');
  det.append(tdl);
  card.append(det);
  return card;
}

/** A whole explain report. */
export function renderReport(report, opts = {}) {
  const frag = el('div', { class: 'report-body', dataset: { kind: report.kind, isBounce: String(!!report.is_bounce) } });
  const meta = el('p', { class: 'meta' });
  const kindKey = `kind.${report.kind}`;
  meta.append(el('span', { class: 'k', text: t('explain.kind') + ': ' }), el('span', { class: 'kind', text: has(kindKey) ? t(kindKey) : String(report.kind) }));
  if (report.generated_by) meta.append(' · ', el('span', { class: 'k', text: t('explain.generatedBy') + ': ' }), el('span', { class: 'gen', text: report.generated_by }));
  frag.append(meta);
  if (report.suspicious) frag.append(el('p', { class: 'alert suspicious', attrs: { role: 'alert' }, text: t('explain.suspicious') }));
  const recips = Array.isArray(report.recipients) ? report.recipients : [];
  if (!recips.length) {
    frag.append(el('p', { class: 'empty', text: report.is_bounce ? t('explain.norecipients') : t('explain.notbounce') }));
  }
  for (const r of recips) frag.append(renderBounceRecipient(r, opts));
  return frag;
}
