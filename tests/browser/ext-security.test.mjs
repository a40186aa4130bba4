// Safety and robustness: a strict `script-src 'self'` page (the analyzer runs in the service worker),
// hostile bounces execute nothing, no request leaves except to the extension, the page's own buttons
// still work, a broken analyzer leaves the page as it is without the extension, the per-site switch,
// the popup and the options page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ready, ui, core, mainFrame, brokenExtension, URLS, REPLICA_HOSTS, WAITS_CHECKER, WAITS_EXPLAINER } from './lib/browser.mjs';
import { SITES } from './lib/sites.mjs';

let C;
before(async () => { C = await core(); });

test('strict CSP (script-src \'self\'): the analyzer runs through the service worker, on 163 and QQ new', async (t) => {
  const b = await launch({ csp: "script-src 'self'" });
  try {
    await b.setStorage({ bounces: [{ address: 'wangwu@163.com', reason: 'userunknown', title: '收件人不存在', date: '2026-01-05' }], allowlist: [] });
    for (const site of ['163', 'qq-new']) {
      const s = SITES[site];
      await b.page.goto('about:blank');
      await b.page.goto(s.url);
      const f = await s.frame(b.page);
      assert.equal(await ready(f), 'worker', site);
      await s.to(f).click();
      await s.to(f).pressSequentially('wangwu@163.com', { delay: 5 });
      await ui.mark(f).first().waitFor({ timeout: 2000 });
    }
    // bounce card and badge through the worker
    await b.page.goto(URLS.netease);
    assert.equal(await ready(b.page), 'worker');
    await b.page.locator('[sign="letter"][data-mid="1041mid1"] tuixin-ui[data-tuixin="badge"]').waitFor({ timeout: 3000 });
    await b.page.goto(URLS.neteaseRead('1041mid4'));
    await ui.card(b.page).waitFor({ timeout: 3000 });
    if (C.checker) {
      const s = SITES['163'];
      await b.page.goto('about:blank');
      await b.page.goto(s.url);
      await ready(b.page);
      await s.to(b.page).click();
      await s.to(b.page).pressSequentially('zhangsan＠qq.con', { delay: 20 });
      const t0 = Date.now();
      await ui.mark(b.page, 'error').first().waitFor({ timeout: 2000 });
      assert.ok(Date.now() - t0 <= 200);
      await ui.mark(b.page, 'error').first().click();
      await ui.tip(b.page).locator('button[data-action="fix"]').click();
      assert.equal(await s.to(b.page).inputValue(), 'zhangsan@qq.com');
      await s.send(b.page).click();
      assert.equal(await b.page.evaluate(() => window.__sent), 1);
      // the send guard on the worker path: sent before any check came back, it asks the worker first
      await s.to(b.page).click();
      await s.to(b.page).fill('');
      await s.to(b.page).pressSequentially('lisi@163.con', { delay: 2 });
      await s.send(b.page).click();
      await ui.guard(b.page).waitFor({ timeout: 2000 });
      assert.equal(await b.page.evaluate(() => window.__sent), 1);
      await ui.guard(b.page).locator('button[data-action="send"]').click();
      await b.page.waitForFunction(() => window.__sent === 2);
    } else t.diagnostic(`error marks under strict CSP: ${WAITS_CHECKER}`);
    // the replica's own scripts ran under the CSP (they are same-origin files)
    assert.equal(await b.page.evaluate(() => window.__replicaReady), true);
  } finally { await b.close(); }
});

test('a page that allows wasm gets the analyzer in the content script itself (the local path)', async () => {
  const b = await launch();
  try {
    for (const site of Object.keys(SITES)) {
      const s = SITES[site];
      await b.page.goto('about:blank');
      await b.page.goto(s.url);
      const f = await s.frame(b.page);
      await ready(f);
      await f.locator('tuixin-ui[data-tuixin="overlay"][data-mode="local"]').waitFor({ state: 'attached', timeout: 5000 });
    }
  } finally { await b.close(); }
});

test('hostile bounces execute nothing and appear as text', async () => {
  const b = await launch();
  try {
    const check = async (f) => {
      await ready(f);
      await ui.card(f).waitFor({ timeout: 3000 });
      await b.page.waitForTimeout(300);
      assert.equal(await f.evaluate(() => window.__pwned), undefined);
      const bad = await f.evaluate((tag) => {
        let n = 0;
        for (const host of document.querySelectorAll(tag)) {
          for (const el of host.shadowRoot.querySelectorAll('*')) {
            if (/^(script|img|svg|a|iframe|object|embed|form|link)$/i.test(el.localName)) n++;
            for (const a of el.attributes) if (/^on/i.test(a.name) || /javascript:/i.test(a.value)) n++;
          }
        }
        return n;
      }, 'tuixin-ui');
      assert.equal(bad, 0);
    };
    await b.page.goto(URLS.neteaseRead('1041mid5'));
    await check(b.page);
    await b.page.goto(URLS.qqRead('ZC0004'));
    await check(await mainFrame(b.page));
    await b.page.goto(URLS.qqNew('/read/ZC0004'));
    await check(b.page);
    // a hostile address typed into compose shows as text in the tooltip too
    await b.setStorage({ bounces: [{ address: '<img src=x onerror=window.__pwned=1>@qq.com', reason: '<script>window.__pwned=2</script>', title: '<img src=x onerror=window.__pwned=3>', date: '2026' }] });
    const s = SITES['163'];
    await b.page.goto(s.url);
    await ready(b.page);
    await s.to(b.page).click();
    await s.to(b.page).pressSequentially('<img src=x onerror=window.__pwned=1>@qq.com', { delay: 2 });
    await ui.mark(b.page).first().waitFor({ timeout: 2000 });
    await ui.mark(b.page).first().hover();
    await ui.tip(b.page).waitFor();
    assert.match(await ui.tip(b.page).innerText(), /<img src=x onerror/);
    assert.equal(await b.page.evaluate(() => window.__pwned), undefined);
  } finally { await b.close(); }
});

test('no request leaves the page\'s own origin except to the extension; the page\'s buttons still work', async () => {
  const b = await launch();
  try {
    const p = b.page;
    // 163: list → 写信 → 添加抄送 → 存草稿 → back to the inbox → open a row
    await p.goto(URLS.netease);
    await ready(p);
    await p.locator('#dvNavTop [data-act="compose"]').click();
    const s = SITES['163'];
    await s.to(p).waitFor();
    await p.locator('[id="_dvModuleContainer_compose.ComposeModule_1"] [data-act="show-cc"]').click();
    assert.equal(await p.locator('[id="_dvModuleContainer_compose.ComposeModule_1"] input[aria-label^="抄送"]').isVisible(), true);
    await s.save(p).click();
    assert.equal(await p.evaluate(() => window.__saved), 1);
    await p.locator('[data-act="inbox"]').first().click();
    await p.locator('[sign="letter"][data-mid="1041mid3"]').click();
    await p.waitForFunction(() => document.querySelector('h1[title="邮件标题"]').textContent === '周报');
    // QQ classic: 添加抄送, 存草稿, folder link
    await p.goto(URLS.qqCompose);
    const f = await mainFrame(p);
    await ready(f);
    await f.locator('#aCC').click();
    assert.equal(await f.locator('#ccAreaCtrl').isVisible(), true);
    await f.locator('input[name="savebtn"]').click();
    assert.equal(await f.evaluate(() => window.__saved), 1);
    // QQ new: compose button and list
    await p.goto(URLS.qqNew('/list/1'));
    await ready(p);
    await p.locator('.frame-sidebar-compose-btn').click();
    await SITES['qq-new'].to(p).waitFor();
    await p.locator('.mail-compose-header .xmail-ui-btn').nth(1).click();
    assert.equal(await p.evaluate(() => window.__saved), 1);
    await p.waitForTimeout(300);
    assert.deepEqual(b.leaks, []);
    for (const url of b.requests) {
      const u = new URL(url);
      assert.ok(u.protocol === 'chrome-extension:' || (u.protocol === 'https:' && REPLICA_HOSTS.test(u.hostname)), url);
    }
  } finally { await b.close(); }
});

test('when the analyzer fails to load, the page works as without the extension', async () => {
  const broken = await brokenExtension();
  const b = await launch({ ext: broken.dir });
  try {
    for (const site of Object.keys(SITES)) {
      const s = SITES[site];
      await b.page.goto(s.url);
      const f = await s.frame(b.page);
      await b.page.waitForTimeout(800);
      assert.equal(await f.locator('tuixin-ui').count(), 0, site);
      await s.to(f).click();
      await s.to(f).pressSequentially('zhangsan＠qq.con', { delay: 5 });
      await s.to(f).press('Enter');
      await s.send(f).click();
      assert.equal(await f.evaluate(() => window.__sent), 1, site);
    }
    await b.page.goto(URLS.netease);
    await b.page.waitForTimeout(500);
    assert.equal(await b.page.locator('tuixin-ui').count(), 0);
  } finally { await b.close(); await broken.cleanup(); }
});

test('turning the extension off for a site removes everything there; on again brings it back', async () => {
  const b = await launch();
  try {
    await b.page.goto(URLS.netease);
    await ready(b.page);
    await ui.badge(b.page).first().waitFor();
    await b.setStorage({ settings: { lang: 'auto', disabledSites: ['mail.163.com'] } });
    await b.page.locator('tuixin-ui').first().waitFor({ state: 'detached', timeout: 2000 });
    assert.equal(await b.page.locator('tuixin-ui').count(), 0);
    await b.page.reload();
    await b.page.waitForTimeout(600);
    assert.equal(await b.page.locator('tuixin-ui').count(), 0);
    await b.setStorage({ settings: { lang: 'auto', disabledSites: [] } });
    await ui.badge(b.page).first().waitFor({ timeout: 3000 });
  } finally { await b.close(); }
});

test('popup: pasted bounce text is explained; options: the memory is listed and cleared; English follows the option', async (t) => {
  const b = await launch();
  try {
    const id = await b.extensionId();
    await b.page.goto(`chrome-extension://${id}/popup/popup.html`);
    await b.page.locator('#text').fill('554 DT:SPM 163 smtp10,DsCowAD3aaa 1736000000');
    await b.page.locator('#explain').click();
    const result = b.page.locator('#result');
    await result.locator('section, p').first().waitFor();
    if (C.explainer) assert.equal(await result.locator('section').getAttribute('data-reason'), 'spamdetected');
    else { t.diagnostic(`popup explanation: ${WAITS_EXPLAINER}`); assert.match(await result.innerText(), /没有识别出退信|退信/); }
    assert.match(await b.page.locator('#site').innerText(), /不是支持的网页邮箱/);

    await b.setStorage({ bounces: [
      { address: 'a@qq.con', reason: 'hostunknown', title: '域名不存在', date: '2026-01-05' },
      { address: 'b@163.com', reason: 'userunknown', title: '收件人不存在', date: '2026-01-04' }], allowlist: ['ok@example.com'] });
    await b.page.goto(`chrome-extension://${id}/options/options.html`);
    const rows = b.page.locator('#memory tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    assert.match(await rows.first().innerText(), /a@qq\.con/);
    await rows.first().locator('button').click();
    await b.page.waitForFunction(() => document.querySelectorAll('#memory tbody tr').length === 1);
    await b.page.locator('#clear').click();
    await b.page.locator('#memory-empty').waitFor({ state: 'visible' });
    assert.deepEqual((await b.storage()).bounces, []);
    assert.match(await b.page.locator('#allow').innerText(), /ok@example\.com/);
    await b.page.locator('#lang').selectOption('en');
    await b.page.locator('h1', { hasText: 'tuixin settings' }).waitFor();
    await b.page.goto(URLS.netease);
    await ready(b.page);
    await ui.badge(b.page).first().waitFor();
    assert.match(await ui.badge(b.page).first().locator('span').innerText(), /Bounce/);
  } finally { await b.close(); }
});

test('popup: the switch turns the extension off and on for the site of the active tab', async () => {
  const b = await launch();
  try {
    await b.page.goto(URLS.netease);
    await ready(b.page);
    await ui.badge(b.page).first().waitFor();
    const id = await b.extensionId();
    // the popup in a window of its own that does not take the focus: the webmail tab stays the active one
    await (await b.sw()).evaluate((url) => chrome.windows.create({ url, type: 'popup', focused: false }), `chrome-extension://${id}/popup/popup.html`);
    const popup = await b.ctx.waitForEvent('page', { predicate: (p) => p.url().includes('popup.html') });
    const box = popup.locator('#site-on');
    await box.waitFor();
    assert.match(await popup.locator('#site').innerText(), /mail\.163\.com/);
    assert.equal(await box.isChecked(), true);
    await box.uncheck();
    await b.page.locator('tuixin-ui').first().waitFor({ state: 'detached', timeout: 3000 });
    assert.deepEqual((await b.storage()).settings.disabledSites, ['mail.163.com']);
    await box.check();
    await ui.badge(b.page).first().waitFor({ timeout: 3000 });
  } finally { await b.close(); }
});
