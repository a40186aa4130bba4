// The injected UI of the content script: one overlay per document (marks on recipients, the
// tooltip with the fix, the undo toast, the send-guard dialog) and small hosts placed in the page
// (list badges, the bounce card). Everything lives in shadow roots; text is set with textContent.
(function () {
  const T = globalThis.tuixin;
  const { h, t } = T;
  const HOST_TAG = 'tuixin-ui';
  T.HOST_TAG = HOST_TAG;

  const OVERLAY_CSS = T.CSS + `
    .layer { position: fixed; left: 0; top: 0; width: 0; height: 0; z-index: 2147483646; }
    .outline { position: fixed; pointer-events: none; border: 2px solid #d64541; border-radius: 4px; }
    .outline.warning { border-color: #e0a000; border-style: dashed; }
    .outline.info { border-color: #5b7db1; border-style: dotted; }
    .mark { position: fixed; width: 16px; height: 16px; padding: 0; margin: 0; border-radius: 50%; border: 1px solid #fff;
            background: #d64541; color: #fff; font: bold 11px/14px sans-serif; text-align: center; cursor: pointer;
            box-shadow: 0 1px 2px rgba(0,0,0,.3); }
    .mark.warning { background: #e0a000; } .mark.info { background: #5b7db1; }
    .tip { position: fixed; max-width: 340px; min-width: 220px; padding: 8px 10px; background: #fff; color: #222; border: 1px solid #ccc;
           border-radius: 4px; box-shadow: 0 2px 10px rgba(0,0,0,.18); font-size: 13px; line-height: 1.5; }
    .tip .item + .item { border-top: 1px dashed #ddd; margin-top: 6px; padding-top: 6px; }
    .tip .who { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; color: #555; }
    .tip .sev { font-weight: 600; } .tip .sev.error { color: #b3261e; } .tip .sev.warning { color: #8a6100; }
    .tip ul { margin: 2px 0 4px; padding-left: 18px; }
    .toast { position: fixed; right: 16px; bottom: 16px; padding: 8px 12px; background: #323232; color: #fff; border-radius: 4px;
             font-size: 13px; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
    .toast button { background: transparent; color: #8ab4f8; border: none; font-weight: 600; }
    .backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); display: flex; align-items: center; justify-content: center; }
    .dialog { background: #fff; color: #222; width: min(460px, 92vw); padding: 16px 18px; border-radius: 6px; box-shadow: 0 4px 24px rgba(0,0,0,.3); font-size: 14px; }
    .dialog h2 { margin: 0 0 8px; font-size: 16px; } .dialog ul { padding-left: 18px; } .dialog .actions { text-align: right; margin-top: 12px; }
  `;

  /** Creates a host element with an open shadow root holding the stylesheet. */
  T.makeHost = function (doc, kind, css) {
    const host = doc.createElement(HOST_TAG);
    host.setAttribute('data-tuixin', kind);
    const root = host.attachShadow({ mode: 'open' });
    root.append(h('style', { text: css || T.CSS }));
    return { host, root };
  };

  /** The overlay of one document: marks, tooltip, toast, dialog. */
  T.Overlay = class Overlay {
    constructor(doc, lang) {
      this.doc = doc;
      this.lang = lang;
      const { host, root } = T.makeHost(doc, 'overlay', OVERLAY_CSS);
      host.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;z-index:2147483646;';
      this.host = host;
      this.root = root;
      this.layer = h('div', { class: 'layer' });
      // A mouse press on the overlay must not take the focus from the recipient field: webmail commits
      // the typed text as a chip on blur, which would change what the fix is about to replace.
      this.layer.addEventListener('mousedown', (e) => { if (!e.target.closest || !e.target.closest('.dialog')) e.preventDefault(); });
      // Screen readers hear about a new problem without leaving the field (the marks themselves are
      // focusable buttons that open the explanation).
      this.live = h('div', { role: 'status', 'aria-live': 'polite', style: 'position:fixed;left:-10000px;width:1px;height:1px;overflow:hidden' });
      root.append(this.layer, this.live);
      root.addEventListener('keydown', (e) => { if (e.key === 'Escape' && this.tip) { e.stopPropagation(); this.hideTip(true); } });
      // Escape also closes an explanation opened by hovering, wherever the focus is.
      doc.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && this.tip && this.host.isConnected && !e.composedPath().includes(this.host)) this.hideTip(false);
      }, true);
      (doc.body || doc.documentElement).append(host);
      this.marks = []; // {item, outline, button}
      this.tip = null;
      this.tipFor = null;
      this.hideTimer = 0;
    }
    ensureAttached() {
      if (!this.host.isConnected) (this.doc.body || this.doc.documentElement).append(this.host);
    }
    destroy() {
      this.host.remove();
    }

    /**
     * Shows marks for items [{key, anchor (element), severity, entries: [{address, findings, suggestion, bounced}],
     * onFix(entry), onDismiss(entry)}]. Keeps existing marks whose key and severity are unchanged.
     */
    setMarks(items) {
      this.ensureAttached();
      const keep = new Map(items.map((it) => [it.key, it]));
      // A mark that moves (the typed text became a chip when the field lost focus to the mark) keeps
      // the keyboard focus and the open explanation.
      let carry = null;
      this.marks = this.marks.filter((m) => {
        const it = keep.get(m.item.key);
        if (it && it.sig === m.item.sig) {
          m.item = it;
          keep.delete(it.key);
          return true;
        }
        if (this.root.activeElement === m.button || this.tipFor === m) {
          carry = { addresses: m.item.entries.map((e) => e.address), focused: this.root.activeElement === m.button };
        }
        if (this.tipFor === m) this.hideTip(false);
        m.outline.remove();
        m.button.remove();
        return false;
      });
      for (const it of keep.values()) {
        const outline = h('div', { class: 'outline ' + it.severity });
        const label = t(it.severity === 'error' ? 'markError' : it.severity === 'warning' ? 'markWarning' : 'markBounced', this.lang);
        const button = h('button', {
          type: 'button', class: 'mark ' + it.severity, 'data-tuixin-mark': it.key, 'data-severity': it.severity,
          'data-address': it.entries.map((e) => e.typed || e.address).join(' '), 'aria-label': label, 'aria-haspopup': 'dialog', 'aria-expanded': 'false',
        }, it.severity === 'info' ? 'i' : '!');
        const m = { item: it, outline, button };
        button.addEventListener('mouseenter', () => this.showTip(m));
        button.addEventListener('focus', () => { if (!this.refocusing) this.showTip(m); });
        button.addEventListener('click', (e) => this.showTip(m, e.detail === 0)); // keyboard activation moves into the tip
        button.addEventListener('mouseleave', () => this.scheduleHide());
        button.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.hideTip(true); });
        this.layer.append(outline, button);
        this.marks.push(m);
        if (it.severity !== 'info') this.live.textContent = label + (it.entries[0] && it.entries[0].address ? '：' + (it.entries[0].typed || it.entries[0].address) : '');
        // Hovering the marked chip or field also opens the explanation.
        if (it.anchor && !it.anchor.__tuixinHover) {
          it.anchor.__tuixinHover = true;
          it.anchor.addEventListener('mouseenter', () => { const mm = this.marks.find((x) => x.item.anchor === it.anchor); if (mm) this.showTip(mm); });
          it.anchor.addEventListener('mouseleave', () => this.scheduleHide());
        }
      }
      this.position();
      if (carry) {
        const to = this.marks.find((m) => m.item.entries.some((e) => carry.addresses.includes(e.address)));
        if (to) { if (carry.focused) to.button.focus({ preventScroll: true }); else this.showTip(to, false); }
      }
    }

    position() {
      for (const m of this.marks) {
        const r = m.item.anchor && m.item.anchor.isConnected ? m.item.anchor.getBoundingClientRect() : null;
        const visible = r && r.width > 0 && r.height > 0;
        m.outline.style.display = m.button.style.display = visible ? '' : 'none';
        if (!visible) continue;
        Object.assign(m.outline.style, { left: r.left - 2 + 'px', top: r.top - 2 + 'px', width: r.width + 4 + 'px', height: r.height + 4 + 'px' });
        Object.assign(m.button.style, { left: r.right - 9 + 'px', top: r.top - 9 + 'px' });
      }
      if (this.tip && this.tipFor) this.placeTip(this.tipFor);
    }

    scheduleHide() {
      clearTimeout(this.hideTimer);
      this.hideTimer = setTimeout(() => {
        if (!this.tip) return;
        const active = this.root.activeElement;
        if (this.tip.matches(':hover') || (active && this.tip.contains(active))) return;
        if (this.tipFor && (this.tipFor.button.matches(':hover') || active === this.tipFor.button)) return;
        this.hideTip(false);
      }, 350);
    }

    hideTip(refocus) {
      clearTimeout(this.hideTimer);
      if (!this.tip) return;
      const m = this.tipFor;
      this.tip.remove();
      this.tip = null;
      this.tipFor = null;
      if (m) {
        m.button.setAttribute('aria-expanded', 'false');
        if (refocus && m.button.isConnected) {
          this.refocusing = true; // focusing the mark again must not reopen what Escape closed
          m.button.focus({ preventScroll: true });
          this.refocusing = false;
        }
      }
    }

    showTip(m, focusFirst) {
      clearTimeout(this.hideTimer);
      if (this.tipFor === m && this.tip) {
        if (focusFirst) { const b = this.tip.querySelector('button'); if (b) b.focus(); }
        return;
      }
      this.hideTip(false);
      const lang = this.lang;
      const id = 'tuixin-tip-' + Math.random().toString(36).slice(2);
      const tip = h('div', { class: 'tip', role: 'dialog', id, 'aria-label': t('brand', lang), 'data-tuixin-tip': m.item.key });
      for (const e of m.item.entries) {
        const item = h('div', { class: 'item', 'data-address': e.typed || e.address });
        item.append(h('div', { class: 'who', text: e.typed || e.address }));
        const list = h('ul', {});
        for (const f of e.findings) list.append(h('li', {}, h('span', { class: 'sev ' + f.severity, text: f.message })));
        item.append(list);
        if (e.suggestion) {
          item.append(h('button', { type: 'button', class: 'primary', 'data-action': 'fix', 'data-fix': e.suggestion, text: t('fixTo', lang, e.suggestion),
            onclick: () => { this.hideTip(false); m.item.onFix(e); } }));
        }
        item.append(h('button', { type: 'button', 'data-action': 'dismiss', text: t('dismiss', lang),
          onclick: () => { this.hideTip(false); m.item.onDismiss(e); } }));
        tip.append(item);
      }
      tip.addEventListener('mouseleave', () => this.scheduleHide());
      tip.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
      tip.addEventListener('focusout', () => this.scheduleHide());
      tip.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); this.hideTip(true); } });
      this.layer.append(tip);
      this.tip = tip;
      this.tipFor = m;
      m.button.setAttribute('aria-expanded', 'true');
      m.button.setAttribute('aria-controls', id);
      this.placeTip(m);
      if (focusFirst) { const b = tip.querySelector('button'); if (b) b.focus(); }
    }

    placeTip(m) {
      const r = m.button.getBoundingClientRect();
      const vw = this.doc.documentElement.clientWidth || 800;
      const left = Math.max(4, Math.min(r.left - 8, vw - 350));
      Object.assign(this.tip.style, { left: left + 'px', top: r.bottom + 6 + 'px' });
    }

    /** Opens the explanation of the first mark with this address (the send guard's "go back"). */
    focusMark(key) {
      const m = this.marks.find((x) => x.item.key === key) || this.marks[0];
      if (m) { m.button.focus(); this.showTip(m, false); }
    }

    /** A short message at the bottom right; with an action button (undo). */
    toast(text, actionLabel, action) {
      this.ensureAttached();
      if (this.toastEl) this.toastEl.remove();
      const el = h('div', { class: 'toast', role: 'status', 'aria-live': 'polite', 'data-tuixin-toast': '' }, h('span', { text }));
      if (actionLabel) {
        el.append(' ', h('button', { type: 'button', 'data-action': 'undo', text: actionLabel, onclick: () => { el.remove(); action(); } }));
      }
      this.layer.append(el);
      this.toastEl = el;
      clearTimeout(this.toastTimer);
      this.toastTimer = setTimeout(() => el.remove(), 8000);
    }

    /** The send guard: problems [{address, message}] → Promise<'back'|'send'>. */
    confirmSend(problems) {
      this.ensureAttached();
      const lang = this.lang;
      return new Promise((resolve) => {
        const prev = this.doc.activeElement;
        const back = h('button', { type: 'button', class: 'primary', 'data-action': 'back', text: t('guardBack', lang) });
        const send = h('button', { type: 'button', 'data-action': 'send', text: t('guardSend', lang) });
        const titleId = 'tuixin-guard-title';
        const dialog = h('div', { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': titleId, 'data-tuixin-guard': '' },
          h('h2', { id: titleId, text: t('guardTitle', lang) }),
          h('p', { text: t('guardIntro', lang) }),
          h('ul', {}, problems.map((p) => h('li', {}, h('b', { text: p.address }), ' — ', p.message))),
          h('div', { class: 'actions' }, back, ' ', send));
        const backdrop = h('div', { class: 'backdrop' }, dialog);
        const done = (answer) => {
          backdrop.remove();
          if (answer === 'send' && prev && prev.focus) prev.focus({ preventScroll: true });
          resolve(answer);
        };
        back.addEventListener('click', () => done('back'));
        send.addEventListener('click', () => done('send'));
        dialog.addEventListener('keydown', (e) => {
          e.stopPropagation();
          if (e.key === 'Escape') { e.preventDefault(); done('back'); }
          if (e.key === 'Tab') { // keep focus inside the two buttons
            e.preventDefault();
            (this.root.activeElement === back ? send : back).focus();
          }
        });
        // Keys typed while the dialog is open must not reach the page (it would edit the draft).
        backdrop.addEventListener('keypress', (e) => e.stopPropagation());
        this.layer.append(backdrop);
        back.focus();
      });
    }
  };

  /** A small host placed in the page (badge, card); returns {host, root}. */
  T.placeHost = function (doc, kind, where, ref) {
    const { host, root } = T.makeHost(doc, kind);
    if (kind === 'badge') host.style.cssText = 'display:inline-block;vertical-align:middle;margin-left:6px;';
    else host.style.cssText = 'display:block;';
    if (where === 'before') ref.parentNode.insertBefore(host, ref);
    else ref.append(host);
    return { host, root };
  };

  T.BADGE_CSS = `
    :host { all: initial; }
    span { display: inline-block; padding: 0 6px; border-radius: 8px; background: #fdecea; color: #b3261e; border: 1px solid #f0b8b3;
           font: 12px/16px "PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif; white-space: nowrap; max-width: 16em;
           overflow: hidden; text-overflow: ellipsis; vertical-align: middle; }
    span.caution { background: #fff5d6; color: #8a6100; border-color: #ecd27a; }
  `;
})();
