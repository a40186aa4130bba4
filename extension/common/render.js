// Building UI from analyzer reports, shared by the content script and the popup.
// Every piece of text from a page, a mail or a report is set with textContent: nothing here
// ever parses HTML, so a hostile bounce can only ever show up as text.
(function () {
  const T = (globalThis.tuixin = globalThis.tuixin || {});

  /** h('div', {class: 'x', role: 'button', onclick: fn}, 'text', child) — text children become text nodes. */
  T.h = function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = String(v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return el;
  };

  /** The worst verdict of a list ('ok' < 'info' < 'warning' < 'error'). */
  const RANK = { ok: 0, info: 1, warning: 2, error: 3 };
  T.worst = (verdicts) => verdicts.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok');
  T.rank = (v) => RANK[v] || 0;

  /** Stylesheet of the injected UI (inside shadow roots only). */
  T.CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; font-family: "PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif; }
    .card { margin: 8px 0; padding: 10px 14px; border: 1px solid #e3b4ad; border-left: 4px solid #d64541; border-radius: 4px;
            background: #fffaf9; color: #222; font-size: 13px; line-height: 1.6; max-width: 860px; }
    .card.caution { border-color: #e8c66a; border-left-color: #d4a017; background: #fffcf0; }
    .card.unknown { border-color: #c9d3e0; border-left-color: #5b7db1; background: #f7f9fc; }
    .card h2 { font-size: 14px; margin: 0 0 6px; font-weight: 600; }
    .card h3 { font-size: 13px; margin: 8px 0 4px; font-weight: 600; }
    .card dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
    .card dt { color: #666; } .card dd { margin: 0; }
    .card ol { margin: 0; padding-left: 18px; }
    .card .diag { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: #555; word-break: break-all;
                  max-height: 4.8em; overflow: auto; }
    .rcpt { border-top: 1px dashed #e0cfcc; margin-top: 8px; padding-top: 6px; }
    .addr { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
    .ok { color: #2e7d32; } .bad { color: #b3261e; }
    button { font: inherit; font-size: 12px; padding: 2px 10px; margin: 2px 4px 2px 0; border: 1px solid #b9b9b9; border-radius: 3px;
             background: #fff; color: #222; cursor: pointer; }
    button:hover { background: #f2f2f2; } button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
    button.primary { background: #d64541; border-color: #c0392b; color: #fff; } button.primary:hover { background: #c0392b; }
  `;

  function faultLabel(fault, lang) {
    return T.t('fault_' + fault, lang);
  }

  /**
   * The explanation card for a bounce report. opts: {lang, suspicious (caution instead), onCopy(addr, btn)}.
   * Returns a <section>; data-reason carries the first recipient's reason (tests and styling).
   */
  T.renderBounceCard = function (report, opts) {
    const { h, t } = T;
    const lang = opts.lang;
    if (opts.suspicious) {
      return h('section', { class: 'card caution', role: 'alert', 'data-tuixin': 'caution' },
        h('h2', { text: t('cautionTitle', lang) }), h('p', { text: t('cautionBody', lang) }));
    }
    const rcpts = (report && report.recipients) || [];
    if (!rcpts.length) {
      return h('section', { class: 'card unknown', role: 'region', 'aria-label': t('cardTitle', lang), 'data-tuixin': 'card', 'data-reason': 'unknown' },
        h('h2', { text: t('cardTitle', lang) }), h('p', { text: t('cardUnknown', lang) }));
    }
    const first = rcpts[0];
    const card = h('section', { class: 'card', role: 'region', 'aria-label': t('cardTitle', lang), 'data-tuixin': 'card', 'data-reason': first.reason },
      h('h2', { text: (first.explanation && first.explanation.title) || t('cardTitle', lang) }));
    rcpts.forEach((r, i) => {
      const ex = r.explanation || { title: '', detail: '', actions: [] };
      const code = [r.reply_code, r.status, r.provider_code].filter(Boolean).join(' ');
      const box = h('div', { class: 'rcpt', 'data-address': r.address || '', 'data-reason': r.reason },
        i > 0 ? h('h3', { text: ex.title }) : null,
        h('dl', {},
          h('dt', { text: t('cardWhat', lang) }), h('dd', { text: ex.detail }),
          h('dt', { text: t('cardSide', lang) }), h('dd', { 'data-fault': r.fault, text: faultLabel(r.fault, lang) }),
          h('dt', { text: t('cardRetry', lang) }), h('dd', { 'data-temporary': String(!!r.temporary), text: t(r.temporary ? 'retryYes' : 'retryNo', lang) }),
          code ? [h('dt', { text: t('codeLabel', lang) }), h('dd', { class: 'addr', text: code })] : null,
          r.diagnostic ? [h('dt', { text: t('cardDiag', lang) }), h('dd', { class: 'diag', text: r.diagnostic })] : null,
          ex.actions && ex.actions.length ? [h('dt', { text: t('cardTodo', lang) }), h('dd', {}, h('ol', {}, ex.actions.map((a) => h('li', { text: a }))))] : null));
      if (r.address) {
        const check = r.address_check;
        const fix = check && check.suggestion && check.suggestion !== r.address ? check.suggestion : null;
        const row = h('div', { class: 'check' }, h('span', { class: 'addr', text: r.address }), ' — ');
        if (fix) {
          row.append(h('span', { class: 'bad', text: t('addrFix', lang, fix) }), ' ');
          const btn = h('button', { type: 'button', 'data-fix': fix, text: t('copyFix', lang) });
          btn.addEventListener('click', () => opts.onCopy && opts.onCopy(fix, btn));
          row.append(btn);
        } else if (check && (check.verdict === 'ok' || check.verdict === 'info')) {
          row.append(h('span', { class: 'ok', text: t('addrOk', lang) }));
        } else if (check && check.findings && check.findings.length) {
          row.append(h('span', { class: 'bad', text: check.findings.map((f) => f.message).join('; ') }));
        }
        box.append(row);
      }
      card.append(box);
    });
    return card;
  };

  /** Copies text to the clipboard from an extension page or a content script (no permission needed on a click). */
  T.copyText = async function (text, doc) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (_) {
      const d = doc || document;
      const ta = d.createElement('textarea');
      ta.value = text;
      ta.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
      (d.body || d.documentElement).append(ta);
      ta.select();
      let ok = false;
      try { ok = d.execCommand('copy'); } catch (_) { ok = false; }
      ta.remove();
      return ok;
    }
  };

  /** Storage helpers (chrome.storage.local): settings, allowlist, remembered bounces. */
  T.store = {
    async get() {
      const K = T.KEYS;
      const v = await chrome.storage.local.get([K.settings, K.allow, K.bounces]);
      return {
        settings: Object.assign({}, T.DEFAULT_SETTINGS, v[K.settings] || {}),
        allowlist: v[K.allow] || [],
        bounces: v[K.bounces] || [],
      };
    },
    async setSettings(patch) {
      const cur = (await this.get()).settings;
      await chrome.storage.local.set({ [T.KEYS.settings]: Object.assign(cur, patch) });
    },
    async allow(address) {
      const a = String(address).trim().toLowerCase();
      const list = (await this.get()).allowlist;
      if (!list.includes(a)) list.push(a);
      await chrome.storage.local.set({ [T.KEYS.allow]: list });
    },
    async unallow(address) {
      const list = (await this.get()).allowlist.filter((x) => x !== address);
      await chrome.storage.local.set({ [T.KEYS.allow]: list });
    },
    /** Remembers the failed recipients of an explained bounce: [{address, reason, title, date}]. */
    async rememberBounces(entries) {
      if (!entries.length) return;
      let list = (await this.get()).bounces;
      for (const e of entries) {
        const address = String(e.address).trim().toLowerCase();
        list = list.filter((x) => !(x.address === address && x.reason === e.reason));
        list.unshift({ address, reason: e.reason, title: e.title || '', date: e.date, mailId: e.mailId || null });
      }
      await chrome.storage.local.set({ [T.KEYS.bounces]: list.slice(0, T.MAX_BOUNCES) });
    },
    async forgetBounce(address) {
      const list = address ? (await this.get()).bounces.filter((x) => x.address !== address) : [];
      await chrome.storage.local.set({ [T.KEYS.bounces]: list });
    },
  };
})();
