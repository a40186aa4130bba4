// The options page: language, the remembered bounces (listed, removed one by one or cleared),
// the addresses marked as right, and the sites where the extension is off.
(function () {
  const T = globalThis.tuixin;
  const $ = (id) => document.getElementById(id);

  async function render() {
    const { settings, allowlist, bounces } = await T.store.get();
    const lang = T.pickLang(settings.lang);
    T.fillI18n(document, lang);
    $('lang').value = settings.lang || 'auto';
    const remove = (onclick) => T.h('button', { type: 'button', text: T.t('optRemove', lang), onclick });

    const tbody = $('memory').querySelector('tbody');
    tbody.textContent = '';
    for (const b of bounces) {
      tbody.append(T.h('tr', { 'data-address': b.address },
        T.h('td', { class: 'addr', text: b.address }), T.h('td', { text: b.title || b.reason }), T.h('td', { text: b.date }),
        T.h('td', {}, remove(() => T.store.forgetBounce(b.address)))));
    }
    $('memory').hidden = !bounces.length;
    $('memory-empty').hidden = !!bounces.length;
    $('clear').hidden = !bounces.length;

    const allow = $('allow');
    allow.textContent = '';
    for (const a of allowlist) allow.append(T.h('li', { 'data-address': a }, T.h('span', { class: 'addr', text: a }), ' ', remove(() => T.store.unallow(a))));
    $('allow-empty').hidden = !!allowlist.length;

    const off = $('off');
    off.textContent = '';
    for (const s of settings.disabledSites || []) {
      off.append(T.h('li', {}, T.h('span', { text: s }), ' ', remove(() => T.store.setSettings({ disabledSites: settings.disabledSites.filter((x) => x !== s) }))));
    }
    $('off-empty').hidden = !!(settings.disabledSites || []).length;
  }

  $('lang').addEventListener('change', () => T.store.setSettings({ lang: $('lang').value }));
  $('clear').addEventListener('click', () => T.store.forgetBounce(null));
  chrome.storage.onChanged.addListener((_, area) => { if (area === 'local') render(); });
  render();
})();
