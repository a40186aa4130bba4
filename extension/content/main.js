// The content script: picks the adapter of this webmail, loads the analyzer, watches the page with
// one debounced MutationObserver and keeps three things in step with it: marks on suspicious
// recipients (with fix, undo and "this address is right"), the send guard, and bounce badges and
// cards with the bounce memory. Attaching is idempotent; hidden leftovers are ignored (adapters).
(function () {
  const T = globalThis.tuixin;
  if (!T || T.started) return;
  T.started = true;
  const scriptStart = performance.now(); // the content script starts (for the ready-time figure)
  const D = T.dom;
  const A = T.analyzer;
  const t = (key, ...args) => T.t(key, S.lang, ...args);

  const adapter = T.adapters.find((a) => a.hosts.test(location.hostname));
  if (!adapter || (adapter.frame === 'top' && window !== window.top)) return;
  if (adapter.idle && adapter.idle(document)) return;

  const SCAN_DELAY = 40; // ms after the last mutation
  const TYPE_DELAY = 60; // ms after the last keystroke ("within 200 ms of the user pausing")
  const BOUNCE_SUBJECT = /系统退信|退信|退回|undeliver|delivery status notification|mail delivery failed|returned mail|failure notice|delivery failure|未能送达|投递失败/i;
  const REPLY_PREFIX = /^\s*(re|fw|fwd|回复|答复|转发)\s*[:：]/i;
  const SYSTEM_SENDER = /^(postmaster|mailer-daemon|mail delivery (subsystem|system)|mail administrator)\b/i;

  const S = {
    enabled: false,
    lang: 'zh',
    settings: T.DEFAULT_SETTINGS,
    allow: new Set(),
    bounces: new Map(), // address → {address, reason, title, date}
    byMail: new Map(), // mail id → short reason
    overlay: null,
    observer: null,
    fields: new WeakMap(), // input → field state
    anchorIds: new WeakMap(),
    nextId: 1,
    rowSig: new WeakMap(),
    dirtyRows: new Set(),
    digestCache: new Map(),
    card: null,
    bypass: false,
    timer: 0,
    fullPending: true,
    version: 0,
    perf: { batches: 0, batchMs: 0, batchMax: 0, scans: 0, scanMs: 0, scanMax: 0, firstScanMs: null },
  };
  T.state = S;

  // ---------- settings and memory ----------
  async function loadState() {
    const v = await T.store.get();
    S.settings = v.settings;
    S.lang = T.pickLang(v.settings.lang);
    S.allow = new Set(v.allowlist.map((a) => a.toLowerCase()));
    S.bounces = new Map();
    S.byMail = new Map();
    for (const b of v.bounces) {
      if (!S.bounces.has(b.address)) S.bounces.set(b.address, b);
      if (b.mailId && !S.byMail.has(b.mailId)) S.byMail.set(b.mailId, b.title || b.reason);
    }
    S.version++;
    if (S.overlay) S.overlay.lang = S.lang;
  }
  const siteOff = () => (S.settings.disabledSites || []).includes(location.hostname);

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    loadState().then(() => {
      if (siteOff()) stop();
      else if (!S.enabled) start();
      else {
        if (changes[T.KEYS.settings]) { // the language may have changed: draw the card again
          S.card = null;
          for (const h of document.querySelectorAll(T.HOST_TAG + '[data-tuixin="card"]')) h.remove();
        }
        S.fullPending = true;
        schedule(0);
      }
    });
  });

  // ---------- lifecycle ----------
  async function boot() {
    await loadState();
    if (!siteOff()) start();
  }

  function start() {
    if (S.enabled) return;
    S.enabled = true;
    T.startAnalyzer();
    S.overlay = new T.Overlay(document, S.lang);
    S.overlay.host.setAttribute('data-adapter', adapter.name);
    A.ready.then(
      () => {
        if (!S.enabled) return;
        S.overlay.host.setAttribute('data-mode', A.mode);
        S.overlay.host.setAttribute('data-first', A.mode); // the path that answered first
        A.onUpgrade = () => {
          if (!S.overlay) return;
          S.overlay.host.setAttribute('data-mode', A.mode);
          S.overlay.host.setAttribute('data-local-ms', (performance.now() - scriptStart).toFixed(1)); // the local module took over
        };
        if (A.mode === 'local') A.onUpgrade();
        S.overlay.host.setAttribute('data-ready-ms', (performance.now() - scriptStart).toFixed(1)); // since the script started
        S.overlay.host.setAttribute('data-init-ms', A.readyMs.toFixed(1)); // loading the analyzer alone
        S.fullPending = true;
        scan();
      },
      () => {
        // No analyzer: leave the page exactly as it would be without the extension.
        stop();
      },
    );
    S.observer = new MutationObserver(onMutations);
    S.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'title', 'addr'] });
  }

  function stop() {
    S.enabled = false;
    if (S.observer) S.observer.disconnect();
    S.observer = null;
    clearTimeout(S.timer);
    if (S.overlay) S.overlay.destroy();
    S.overlay = null;
    for (const h of document.querySelectorAll(T.HOST_TAG)) h.remove();
    S.card = null;
    S.rowSig = new WeakMap();
    S.fields = new WeakMap();
  }

  // ---------- watching ----------
  const isOurs = (node) => {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return !!el && (el.localName === T.HOST_TAG || !!el.closest(T.HOST_TAG));
  };

  function onMutations(records) {
    const t0 = performance.now();
    let relevant = false;
    const sel = adapter.rowSelector;
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (r.type === 'childList') {
        let foreign = false;
        for (const n of r.addedNodes) {
          if (isOurs(n)) continue;
          foreign = true;
          if (n.nodeType !== 1) continue;
          if (n.matches(sel)) S.dirtyRows.add(n);
          else if (n.firstElementChild) for (const row of n.querySelectorAll(sel)) S.dirtyRows.add(row);
        }
        for (const n of r.removedNodes) if (!isOurs(n)) foreign = true;
        if (!foreign) continue;
      }
      relevant = true;
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const row = el && el.closest(sel);
      if (row) S.dirtyRows.add(row);
    }
    if (relevant) schedule(SCAN_DELAY);
    const dt = performance.now() - t0;
    S.perf.batches++;
    S.perf.batchMs += dt;
    if (dt > S.perf.batchMax) S.perf.batchMax = dt;
  }

  T.requestScan = () => schedule(0);
  function schedule(ms) {
    if (!S.enabled) return;
    clearTimeout(S.timer);
    S.timer = setTimeout(scan, ms);
  }

  function scan() {
    if (!S.enabled || A.mode === 'loading' || A.mode === 'none') return;
    const t0 = performance.now();
    try {
      S.overlay.ensureAttached();
      scanCompose();
      scanRows();
      scanMessage();
      S.overlay.position();
    } catch (e) {
      console.warn('[tuixin]', e);
    }
    recordScan(performance.now() - t0);
  }
  function recordScan(dt) {
    if (S.perf.firstScanMs === null) S.perf.firstScanMs = dt;
    S.perf.scans++;
    S.perf.scanMs += dt;
    if (dt > S.perf.scanMax) S.perf.scanMax = dt;
    if (S.overlay && document.documentElement.hasAttribute('data-tuixin-bench')) S.overlay.host.setAttribute('data-perf', JSON.stringify(S.perf));
  }

  window.addEventListener('input', (e) => {
    if (S.enabled && e.isTrusted !== undefined && adapter.composeOf(e.target)) schedule(TYPE_DELAY);
  }, true);
  window.addEventListener('hashchange', () => { S.fullPending = true; schedule(0); });
  let rafPending = false;
  const reposition = () => {
    if (!S.overlay || rafPending) return;
    rafPending = true;
    requestAnimationFrame(() => { rafPending = false; if (S.overlay) S.overlay.position(); });
  };
  window.addEventListener('scroll', reposition, { capture: true, passive: true });
  window.addEventListener('resize', reposition, { passive: true });

  // ---------- compose ----------
  const clen = (s) => { let n = 0; for (const _ of s) n++; return n; };
  function anchorId(el) {
    let id = S.anchorIds.get(el);
    if (!id) { id = 'm' + S.nextId++; S.anchorIds.set(el, id); }
    return id;
  }
  function myAddress() {
    const el = document.querySelector('#spnUid, #useraddr, .profile-user-info .user-email');
    const v = el ? D.text(el) : '';
    return D.looksLikeAddress(v) ? v : null;
  }
  function checkOptions(kind, text) {
    const lower = text.toLowerCase();
    const bounced = [];
    for (const b of S.bounces.values()) if (lower.includes(b.address)) bounced.push({ address: b.address, reason: b.reason, date: b.date });
    return { lang: S.lang, field: kind, from: myAddress(), allowlist: [...S.allow], bounced };
  }

  /** The text of a field as the checker sees it: readable chips, then what is being typed. */
  function readField(field) {
    const chips = adapter.chips(field);
    let text = '';
    const segs = [];
    for (const c of chips) {
      if (!c.address) continue; // a nickname whose address cannot be read: say nothing
      const start = clen(text);
      text += c.address;
      segs.push({ chip: c, start, end: clen(text) });
      text += '; ';
    }
    const typedStart = clen(text);
    text += field.input.value;
    return { text, segs, typedStart, key: field.kind + '\u0000' + text + '\u0000' + S.version + S.lang };
  }
  function fieldState(field) {
    let fs = S.fields.get(field.input);
    if (!fs) { fs = { key: null, report: null, stale: true, items: [] }; S.fields.set(field.input, fs); }
    return fs;
  }

  /** Reads a field, checks it (synchronously when the analyzer is local) and returns its state. */
  function updateField(field) {
    const fs = fieldState(field);
    const rf = readField(field);
    const key = rf.key;
    if (fs.key !== key) {
      fs.key = key;
      const opts = checkOptions(field.kind, rf.text);
      if (A.checkSync) {
        fs.report = A.checkSync(rf.text, opts);
        fs.stale = false;
      } else {
        fs.stale = true;
        A.check(rf.text, opts).then((r) => {
          if (fs.key !== key) return;
          fs.report = r;
          fs.stale = false;
          schedule(0);
        }, () => {});
      }
    }
    fs.items = fs.report && !fs.stale ? buildItems(field, fs.report, rf.segs, rf.typedStart) : fs.items;
    return fs;
  }

  function replaceAddressInRaw(raw, suggestion) {
    const lt = raw.indexOf('<');
    const gt = raw.lastIndexOf('>');
    if (lt >= 0 && gt > lt) return raw.slice(0, lt + 1) + suggestion + raw.slice(gt);
    const lead = /^\s*/.exec(raw)[0];
    const trail = /\s*$/.exec(raw)[0];
    return lead + suggestion + trail;
  }
  /** The fix for one recipient's raw text: keep a display name ("张三 <…>") and the spacing around it. */
  function fixedRaw(raw, suggestion) {
    return replaceAddressInRaw(raw, suggestion);
  }

  function buildItems(field, report, segs, typedStart) {
    const byAnchor = new Map();
    const add = (anchor, kind, entry) => {
      let it = byAnchor.get(anchor);
      if (!it) { it = { anchor, kind, entries: [] }; byAnchor.set(anchor, it); }
      it.entries.push(entry);
    };
    for (const r of report.recipients || []) {
      const address = (r.address || r.raw || '').trim(); // as the checker understood it (＠ → @ ...)
      const typed = (r.raw || '').trim() || address; // as it stands in the field
      if (!address || S.allow.has(address.toLowerCase()) || S.allow.has(typed.toLowerCase())) continue;
      let findings = (r.findings || []).filter((f) => f.severity === 'error' || f.severity === 'warning' || /bounce/.test(f.rule));
      const remembered = S.bounces.get(address.toLowerCase()) || (r.suggestion && S.bounces.get(r.suggestion.toLowerCase()));
      if (remembered && !findings.some((f) => /bounce/.test(f.rule))) {
        findings = findings.concat([{ rule: 'bounced-before', severity: 'warning', message: t('bouncedBefore', remembered.address, remembered.date, remembered.title || remembered.reason), suggestion: null }]);
      }
      if (!findings.length) continue;
      const severity = T.worst(findings.map((f) => f.severity === 'info' ? 'warning' : f.severity));
      const raw = r.raw || '';
      const pos = r.start + (raw.length - raw.trimStart().length);
      const seg = segs.find((s) => pos >= s.start && pos < s.end) || segs.find((s) => r.start <= s.start && r.end >= s.end);
      const entry = { address, typed, raw: r.raw, start: r.start - typedStart, end: r.end - typedStart, findings, severity, suggestion: r.suggestion && r.suggestion !== address ? r.suggestion : null };
      // Still being typed, with nothing yet that makes it an address ("zhang"): not worth a mark while
      // the field has the focus (the send guard still counts it).
      const typing = !(seg && pos < typedStart) && !S.guarding && field.input.ownerDocument.activeElement === field.input && !/[@＠.。．]/.test(typed);
      if (typing) continue;
      if (seg && pos < typedStart) add(seg.chip.el, 'chip', Object.assign(entry, { chipAddress: seg.chip.address }));
      else add(field.input, 'typed', entry);
    }
    const fieldFindings = (report.findings || []).filter((f) => f.severity === 'error' || f.severity === 'warning');
    if (fieldFindings.length) add(field.input, 'typed', { address: '', findings: fieldFindings, severity: T.worst(fieldFindings.map((f) => f.severity)), suggestion: null, fieldLevel: true });
    const items = [];
    for (const it of byAnchor.values()) {
      const severity = T.worst(it.entries.map((e) => e.severity));
      const key = anchorId(it.anchor);
      items.push({
        key, anchor: it.anchor, severity, entries: it.entries,
        sig: severity + JSON.stringify(it.entries.map((e) => [e.address, e.suggestion, e.findings.map((f) => f.message)])),
        onFix: (entry) => fix(field, it.kind, it.anchor, entry),
        onDismiss: (entry) => dismiss(entry),
      });
    }
    return items;
  }

  function scanCompose() {
    const items = [];
    for (const compose of adapter.composes(document)) {
      guardEditors(compose);
      for (const field of adapter.fields(compose)) items.push(...updateField(field).items);
    }
    S.overlay.setMarks(items);
  }

  function fix(field, kind, anchor, entry) {
    if (!entry.suggestion) return;
    if (kind === 'typed') {
      const input = field.input;
      const before = input.value;
      const chars = [...before];
      const raw = chars.slice(entry.start, entry.end).join('');
      if (!raw.trim() || raw.trim() !== entry.typed) {
        // The text was committed as a chip meanwhile (webmail commits on blur): fix that chip instead.
        const chip = adapter.chips(field).find((c) => c.address === entry.typed || c.address === entry.address);
        if (chip) return fix(field, 'chip', chip.el, Object.assign({}, entry, { chipAddress: chip.address }));
        return schedule(0);
      }
      const after = chars.slice(0, entry.start).join('') + fixedRaw(raw, entry.suggestion) + chars.slice(entry.end).join('');
      D.setValue(input, after);
      input.focus();
      S.overlay.toast(t('fixedTo', entry.suggestion), t('undo'), () => { D.setValue(input, before); input.focus(); schedule(0); });
    } else {
      const old = entry.chipAddress || entry.address;
      adapter.removeChip(field, anchor);
      adapter.commit(field, entry.suggestion);
      S.overlay.toast(t('fixedTo', entry.suggestion), t('undo'), () => {
        const chip = adapter.chips(field).find((c) => c.address === entry.suggestion);
        if (chip) adapter.removeChip(field, chip.el);
        adapter.commit(field, old);
        schedule(0);
      });
    }
    schedule(0);
  }

  function dismiss(entry) {
    if (!entry.address) return;
    S.allow.add(entry.address.toLowerCase());
    S.version++;
    T.store.allow(entry.address);
    S.overlay.toast(t('dismissed', entry.typed || entry.address));
    schedule(0);
  }

  // ---------- send guard ----------
  function problemsOf(items) {
    const out = [];
    for (const it of items) for (const e of it.entries) {
      if (e.severity !== 'error') continue;
      const f = e.findings.find((x) => x.severity === 'error') || e.findings[0];
      out.push({ address: e.typed || e.address || '', message: f ? f.message : '', key: it.key });
    }
    return out;
  }
  /** The errors of a compose now; null when a check is still on its way (worker path). */
  function errorsNow(compose) {
    const items = [];
    for (const field of adapter.fields(compose)) {
      const fs = updateField(field);
      if (fs.stale) return null;
      items.push(...fs.items);
    }
    return problemsOf(items);
  }
  async function errorsFresh(compose) {
    const items = [];
    for (const field of adapter.fields(compose)) {
      const fs = fieldState(field);
      const rf = readField(field);
      if (fs.key === rf.key && !fs.stale) { fs.items = buildItems(field, fs.report, rf.segs, rf.typedStart); items.push(...fs.items); continue; }
      const report = await A.check(rf.text, checkOptions(field.kind, rf.text));
      fs.key = rf.key;
      fs.report = report;
      fs.stale = false;
      fs.items = buildItems(field, report, rf.segs, rf.typedStart);
      items.push(...fs.items);
    }
    return problemsOf(items);
  }
  function sendNow(compose) {
    const b = adapter.sendButton(compose);
    if (!b) return;
    S.bypass = true;
    try { b.click(); } finally { S.bypass = false; }
  }
  function guard(e, compose) {
    if (!S.enabled || S.bypass || A.mode === 'loading' || A.mode === 'none') return;
    S.guarding = true;
    let now;
    try { now = errorsNow(compose); } finally { S.guarding = false; }
    if (now && now.length === 0) return; // a clean send is left exactly as it was
    e.preventDefault();
    e.stopImmediatePropagation();
    Promise.resolve(now || (S.guarding = true, errorsFresh(compose).finally(() => { S.guarding = false; }))).then((problems) => {
      if (!problems.length) return sendNow(compose);
      scan();
      return S.overlay.confirmSend(problems).then((answer) => {
        if (answer === 'send') sendNow(compose);
        else S.overlay.focusMark(problems[0].key);
      });
    }, () => sendNow(compose));
  }
  window.addEventListener('click', (e) => {
    if (!S.enabled || S.bypass) return;
    const compose = e.target && e.target.nodeType === 1 ? adapter.isSend(e.target) : null;
    if (compose) guard(e, compose);
  }, true);
  const onKey = (compose) => (e) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || !S.enabled || S.bypass) return;
    const c = compose || (e.target && e.target.nodeType === 1 ? adapter.composeOf(e.target) : null);
    if (c) guard(e, c);
  };
  window.addEventListener('keydown', onKey(null), true);
  const guardedDocs = new WeakSet();
  function guardEditors(compose) {
    for (const doc of adapter.editorDocs(compose)) {
      if (guardedDocs.has(doc)) continue;
      guardedDocs.add(doc);
      doc.addEventListener('keydown', onKey(compose), true);
    }
  }

  // ---------- inbox ----------
  function senderIsSystem(name, address) {
    const local = address ? address.split('@')[0] : '';
    return SYSTEM_SENDER.test(local) || (!address && SYSTEM_SENDER.test(name || ''));
  }
  function rowVerdict(info) {
    if (!BOUNCE_SUBJECT.test(info.subject) || REPLY_PREFIX.test(info.subject)) return null;
    if (senderIsSystem(info.sender, info.senderAddress)) return 'bounce';
    return info.senderAddress ? 'caution' : null;
  }
  /** Rows are processed in slices of at most ROW_BUDGET ms; the rest waits for the next task. */
  const ROW_BUDGET = 4;
  S.rowQueue = [];
  function scanRows() {
    const sel = adapter.rowSelector;
    if (S.fullPending) {
      S.fullPending = false;
      S.dirtyRows.clear();
      S.rowQueue = Array.from(document.querySelectorAll(sel));
    } else if (S.dirtyRows.size) {
      for (const row of S.dirtyRows) S.rowQueue.push(row);
      S.dirtyRows.clear();
    }
    const t0 = performance.now();
    let i = 0;
    const q = S.rowQueue;
    for (; i < q.length; i++) {
      if (q[i].isConnected) processRow(q[i]);
      if ((i & 63) === 63 && performance.now() - t0 > ROW_BUDGET) { i++; break; }
    }
    S.rowQueue = i >= q.length ? [] : q.slice(i);
    if (S.rowQueue.length) setTimeout(() => { if (S.enabled) { const t1 = performance.now(); scanRows(); recordScan(performance.now() - t1); } }, 0);
  }
  function processRow(row) {
    const info = adapter.readRow(row);
    const short = (info.id && S.byMail.get(info.id)) || (info.id && S.digestCache.get(info.id)) || '';
    const sig = info.subject + '\u0000' + info.sender + '\u0000' + info.id + '\u0000' + short + S.lang;
    let host = row.querySelector(T.HOST_TAG + '[data-tuixin="badge"]');
    if (S.rowSig.get(row) === sig && (host || !rowVerdict(info))) return;
    S.rowSig.set(row, sig);
    const verdict = rowVerdict(info);
    if (!verdict) { if (host) host.remove(); return; }
    if (!host) {
      const placed = T.placeHost(document, 'badge', 'append', info.slot || row);
      host = placed.host;
      placed.root.querySelector('style').textContent = T.BADGE_CSS;
      placed.root.append(document.createElement('span'));
    }
    const span = host.shadowRoot.querySelector('span');
    const label = verdict === 'caution' ? '⚠ ' + t('cautionTitle').split('：')[0].split(':')[0] : short ? t('badgeBounce') + '：' + short : t('badgeBounce');
    span.textContent = label;
    span.className = verdict === 'caution' ? 'caution' : '';
    span.title = verdict === 'caution' ? t('cautionTitle') : short || t('badgeBounce');
    host.setAttribute('data-verdict', verdict);
    host.setAttribute('data-reason-text', short);
    if (verdict === 'bounce' && !short && info.digest && info.id && !S.digestCache.has(info.id)) {
      S.digestCache.set(info.id, '');
      A.explain(info.subject + '\n' + info.digest, { lang: S.lang, check: { lang: S.lang } }).then((rep) => {
        const r = rep && rep.recipients && rep.recipients[0];
        if (r && r.explanation && r.explanation.title) { S.digestCache.set(info.id, r.explanation.title); S.rowSig.delete(row); S.dirtyRows.add(row); schedule(0); }
      }, () => {});
    }
  }

  // ---------- the open message ----------
  function scanMessage() {
    const msg = adapter.openMessage(document);
    if (!msg) {
      if (S.card && S.card.host) S.card.host.remove();
      S.card = null;
      return;
    }
    if (S.card && S.card.id === msg.id && (!S.card.host || S.card.host.isConnected || S.card.pending)) return;
    if (S.card && S.card.host) S.card.host.remove();
    const card = (S.card = { id: msg.id, host: null, pending: true });
    const looks = BOUNCE_SUBJECT.test(msg.subject) && !REPLY_PREFIX.test(msg.subject);
    const system = senderIsSystem(msg.sender, msg.senderAddress);
    const head = (msg.senderAddress ? `From: ${msg.sender ? '"' + msg.sender.replace(/"/g, '') + '" ' : ''}<${msg.senderAddress}>\n` : '') + `Subject: ${msg.subject}\n\n`;
    A.explain(head + msg.text, { lang: S.lang, check: { lang: S.lang, allowlist: [...S.allow] } }).then((report) => {
      card.pending = false;
      if (S.card !== card || !S.enabled) return;
      const suspicious = !!(report && report.suspicious) || (looks && !!msg.senderAddress && !system);
      const bounce = !!(report && report.is_bounce) || (looks && system);
      if (!bounce && !suspicious) return;
      if (!msg.anchor.isConnected) { S.card = null; schedule(SCAN_DELAY); return; }
      const placed = T.placeHost(document, 'card', 'before', msg.anchor);
      card.host = placed.host;
      placed.host.setAttribute('data-mail-id', msg.id);
      placed.root.append(T.renderBounceCard(report, {
        lang: S.lang, suspicious,
        onCopy: (text, btn) => T.copyText(text).then(() => { btn.textContent = t('copied'); }),
      }));
      if (!suspicious && report.is_bounce) {
        const date = new Date().toISOString().slice(0, 10);
        const entries = (report.recipients || []).filter((r) => r.address).map((r) => ({ address: r.address, reason: r.reason, title: r.explanation ? r.explanation.title : '', date, mailId: msg.id }));
        if (entries.length) T.store.rememberBounces(entries);
      }
    }, () => { card.pending = false; });
  }

  boot();
})();
