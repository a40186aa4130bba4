// Shared launch and serve helpers for the extension's browser tests: Debian's Chromium through
// playwright-core with the built extension loaded (shared/knowledge/toolchain.md §3), the webmail
// replicas served under their real hostnames by route fulfilment so the manifest's matches apply,
// every other request aborted and recorded.
import { chromium } from 'playwright-core';
import { mkdtemp, rm, cp, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, QQNEW_PATH } from '../replicas/pages.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXT = path.join(ROOT, 'dist', 'extension');
export const SHOTS = path.join(ROOT, 'docs', 'screenshots');
export const CHROMIUM = process.env.TUIXIN_CHROMIUM || '/usr/lib/chromium/chromium';
export const REPLICA_HOSTS = /^(mail\.163\.com|mail\.126\.com|mail\.yeah\.net|\w+\.qiye\.163\.com|webmail\.vip\.163\.com|mail\.qq\.com|exmail\.qq\.com|wx\.mail\.qq\.com)$/;

export const URLS = {
  netease: 'https://mail.163.com/js6/main.jsp?sid=test&df=mail163_letter',
  neteaseCompose: 'https://mail.163.com/js6/main.jsp?sid=test&df=mail163_letter#module=compose.ComposeModule%7C%7B%22type%22%3A%22compose%22%7D',
  neteaseRead: (id) => `https://mail.163.com/js6/main.jsp?sid=test&df=mail163_letter#module=read.ReadModule%7C${encodeURIComponent(JSON.stringify({ area: 'normal', id, fid: 1 }))}`,
  qqFrame: (main) => 'https://mail.qq.com/cgi-bin/frame_html?sid=test' + (main ? '&main=' + encodeURIComponent(main) : ''),
  qqCompose: 'https://mail.qq.com/cgi-bin/frame_html?sid=test&main=' + encodeURIComponent('/cgi-bin/readtemplate?sid=test&t=compose'),
  qqRead: (id) => 'https://mail.qq.com/cgi-bin/frame_html?sid=test&main=' + encodeURIComponent(`/cgi-bin/readmail?folderid=1&mailid=${id}&t=readmail`),
  qqNew: (hash) => `https://wx.mail.qq.com${QQNEW_PATH}?sid=test#` + (hash || '/list/1'),
};

/**
 * Launches Chromium with the extension. opts: {ext (a built extension dir), csp (a CSP header value for
 * the replica pages), lang ('zh-CN')}. Returns {ctx, page, requests, leaks, sw(), storage(), close()}.
 */
export async function launch(opts = {}) {
  const ext = opts.ext || EXT;
  if (!existsSync(path.join(ext, 'manifest.json'))) throw new Error(`no built extension at ${ext}: run make extension`);
  const dir = await mkdtemp(path.join(tmpdir(), 'tuixin-test-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: opts.headless !== false,
    ignoreDefaultArgs: ['--disable-extensions'],
    locale: opts.lang || 'zh-CN',
    viewport: { width: 1280, height: 820 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--lang=${opts.lang || 'zh-CN'}`,
      `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  const requests = [];
  const leaks = [];
  ctx.on('request', (r) => requests.push(r.url()));
  // Only http(s) goes through here: the extension's own chrome-extension:// loads are not network.
  await ctx.route(/^(https?|wss?):/, async (route) => {
    const url = route.request().url();
    const u = new URL(url);
    if (u.protocol === 'https:' && REPLICA_HOSTS.test(u.hostname)) {
      const page = render(url);
      if (page) {
        const headers = { 'content-type': page.contentType, 'cache-control': 'no-store' };
        if (opts.csp && page.contentType.startsWith('text/html')) headers['content-security-policy'] = opts.csp;
        return route.fulfill({ status: 200, headers, body: page.body });
      }
      return route.fulfill({ status: 404, body: 'not in the replica' });
    }
    leaks.push(url);
    return route.abort();
  });
  let worker = ctx.serviceWorkers()[0];
  const sw = async () => worker || (worker = ctx.serviceWorkers()[0] || (await ctx.waitForEvent('serviceworker', { timeout: 10000 })));
  const page = ctx.pages()[0] || (await ctx.newPage());
  return {
    ctx, page, requests, leaks, sw,
    extensionId: async () => new URL((await sw()).url()).host,
    storage: async () => (await sw()).evaluate(() => chrome.storage.local.get(null)),
    setStorage: async (items) => (await sw()).evaluate((i) => chrome.storage.local.set(i), items),
    close: async () => { await ctx.close().catch(() => {}); await rm(dir, { recursive: true, force: true }); },
  };
}

/** A copy of the built extension with its wasm broken (the analyzer cannot load). */
export async function brokenExtension() {
  const dir = await mkdtemp(path.join(tmpdir(), 'tuixin-broken-'));
  await cp(EXT, dir, { recursive: true });
  await writeFile(path.join(dir, 'pkg', 'tuixin_bg.wasm'), Buffer.from('not wasm at all'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The frame where a QQ classic page lives (mainFrame) once its replica script ran. */
export async function mainFrame(page) {
  await page.waitForSelector('iframe#mainFrame');
  for (let i = 0; i < 100; i++) {
    const f = page.frame({ name: 'mainFrame' });
    if (f && (await f.evaluate(() => window.__replicaReady === true).catch(() => false))) return f;
    await page.waitForTimeout(50);
  }
  throw new Error('mainFrame did not load');
}

/** Waits until the content script's overlay is there and the analyzer is ready; returns its mode. */
export async function ready(frameOrPage) {
  const host = frameOrPage.locator('tuixin-ui[data-tuixin="overlay"][data-mode]');
  await host.waitFor({ state: 'attached', timeout: 10000 });
  return host.getAttribute('data-mode');
}

/** Locators of the injected UI (Playwright pierces open shadow roots). */
export const ui = {
  mark: (f, sev) => f.locator(`tuixin-ui[data-tuixin="overlay"] button.mark${sev ? `[data-severity="${sev}"]` : ''}`),
  tip: (f) => f.locator('tuixin-ui[data-tuixin="overlay"] .tip'),
  guard: (f) => f.locator('tuixin-ui[data-tuixin="overlay"] [data-tuixin-guard]'),
  toast: (f) => f.locator('tuixin-ui[data-tuixin="overlay"] [data-tuixin-toast]'),
  card: (f) => f.locator('tuixin-ui[data-tuixin="card"] section'),
  badge: (f) => f.locator('tuixin-ui[data-tuixin="badge"]'),
};

/** Types like a person (one key at a time) and returns the time of the last keystroke. */
export async function typeSlowly(locator, text) {
  await locator.click();
  await locator.pressSequentially(text, { delay: 15 });
  return Date.now();
}

/**
 * What the core can do today, asked of the built wasm in Node: tests that need the real checker or
 * explainer are marked todo until it lands (they run, and say so, instead of failing the suite).
 */
let coreCache = null;
export async function core() {
  if (coreCache) return coreCache;
  const mod = await import(new URL('file://' + path.join(EXT, 'pkg', 'tuixin.js')).href);
  await mod.default({ module_or_path: readFileSync(path.join(EXT, 'pkg', 'tuixin_bg.wasm')) });
  const c = mod.checkRecipients('zhangsan＠qq.con', { lang: 'zh' });
  const r = c.recipients && c.recipients[0];
  const e = mod.explainBounce(readFileSync(new URL('../replicas/bounces/netease-typo.txt', import.meta.url), 'utf8'), { lang: 'zh' });
  coreCache = {
    checker: !!(r && r.verdict === 'error' && r.suggestion === 'zhangsan@qq.com'),
    explainer: !!(e.is_bounce && e.recipients && e.recipients.length && e.recipients[0].reason !== 'undefined'),
  };
  return coreCache;
}
export const WAITS_CHECKER = 'waits on the recipient checker (the wasm returns no findings yet)';
export const WAITS_EXPLAINER = 'waits on the bounce explainer (the wasm recognises no bounce yet)';
