// The toolbar popup: paste any bounce text and get it explained (through the service worker's
// analyzer), and turn the extension off or on for the site of the active tab.
(async function () {
  const T = globalThis.tuixin;
  const { settings } = await T.store.get();
  const lang = T.pickLang(settings.lang);
  T.fillI18n(document, lang);
  const $ = (id) => document.getElementById(id);

  $('explain').addEventListener('click', async () => {
    const out = $('result');
    out.textContent = '';
    const text = $('text').value;
    if (!text.trim()) return;
    let r;
    try {
      r = await chrome.runtime.sendMessage({ what: 'explainBounce', text, options: { lang, check: { lang } } });
    } catch (e) {
      r = { error: String(e) };
    }
    if (!r || r.error) { out.append(T.h('p', { text: T.t('popupAnalyzerFailed', lang) })); return; }
    const report = r.result;
    if (!report.is_bounce && !(report.recipients || []).length) { out.append(T.h('p', { text: T.t('popupNotBounce', lang) })); return; }
    const style = T.h('style', { text: T.CSS.replace(':host { all: initial; }', '') });
    out.append(style, T.renderBounceCard(report, {
      lang, suspicious: report.suspicious,
      onCopy: (fix, btn) => T.copyText(fix).then(() => { btn.textContent = T.t('copied', lang); }),
    }));
  });

  $('options').addEventListener('click', (e) => { e.preventDefault(); chrome.runtime.openOptionsPage(); });

  // The site of the active tab: its URL is visible only on the webmail hosts this extension is for.
  const site = $('site');
  let host = null;
  try {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab && tab.url) {
      const u = new URL(tab.url);
      const manifest = chrome.runtime.getManifest();
      const ok = manifest.host_permissions.some((p) => {
        const m = /^https:\/\/(\*\.)?([^/]+)\//.exec(p);
        return m && u.protocol === 'https:' && (u.hostname === m[2] || (m[1] && u.hostname.endsWith('.' + m[2])));
      });
      if (ok) host = u.hostname;
    }
  } catch (_) { host = null; }
  if (!host) { site.append(T.h('span', { text: T.t('popupNoSite', lang) })); return; }
  const box = T.h('input', { type: 'checkbox', id: 'site-on' });
  box.checked = !(settings.disabledSites || []).includes(host);
  box.addEventListener('change', async () => {
    const s = (await T.store.get()).settings;
    const set = new Set(s.disabledSites || []);
    if (box.checked) set.delete(host); else set.add(host);
    await T.store.setSettings({ disabledSites: [...set] });
  });
  site.append(box, ' ', T.h('label', { for: 'site-on', text: T.t('popupSite', lang, host) }));
})();
