// Browser tests of the www page (dist/www, built by scripts/build-www.sh) in headless Chromium.
// Self-contained: a small static server on 127.0.0.1 (a free port) and playwright-core driving
// Debian's chromium. Run: node --test --test-concurrency=1 tests/browser/www.test.mjs
//
// The tests marked [core] assert what the real checker/explainer/code book must produce (the
// contract of DESIGN.md); they fail until those parts of the core have landed.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, CHROMIUM, hostile } from './www-helpers.mjs';
import { BOUNCES } from '../../www/js/examples.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist/www');

let server;
let browser;
let base;

before(async () => {
  assert.ok(existsSync(path.join(dist, 'index.html')), 'dist/www is missing: run scripts/build-wasm.sh && scripts/build-www.sh');
  server = await serve(dist);
  base = server.url;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens a page and records what must never happen: page errors, console errors, requests that
 * leave the local server, dialogs.
 */
async function open(url, { viewport, locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 1200, height: 900 }, locale });
  const page = await context.newPage();
  const log = { errors: [], requests: [], dialogs: [] };
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('dialog', async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(base + url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, context, log };
}

function assertClean(log) {
  assert.deepEqual(log.errors, [], 'no page or console errors');
  assert.deepEqual(log.dialogs, [], 'no dialogs');
  const outside = log.requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(outside, [], 'no request leaves the local server');
}

describe('page', () => {
  test('loads the analyzer under the strict CSP, makes no outside request, no errors', async () => {
    const { page, context, log } = await open('/');
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.equal(await page.isVisible('#status'), false, 'the loading note is gone');
    // The examples of the issue are all there and work without the core's verdicts.
    assert.equal(await page.locator('button[data-example]').count(), 5);
    assert.equal(await page.locator('button[data-bounce]').count(), 5);
    await page.click('button[data-example="list"]');
    await page.waitForSelector('#rcpt-out .rcpt');
    assertClean(log);
    await context.close();
  });

  test('zh/en switch changes the page language and is remembered', async () => {
    const { page, context, log } = await open('/');
    await page.click('button[data-lang="en"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('#check-h'), 'Check recipients');
    assert.equal(await page.getAttribute('button[data-lang="en"]', 'aria-pressed'), 'true');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.textContent('#check-h'), 'Check recipients');
    await page.click('button[data-lang="zh"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.textContent('#check-h'), '检查收件人');
    assertClean(log);
    await context.close();
  });

  test('mobile width: nothing overflows sideways', async () => {
    for (const url of ['/', '/codes.html']) {
      const { page, context } = await open(url, { viewport: { width: 360, height: 740 } });
      if (url === '/') {
        await page.click('button[data-example="list"]');
        await page.click('button[data-bounce="gmail"]');
        await page.waitForSelector('#bounce-out .report-body');
      }
      const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
      assert.ok(sw <= cw, `${url}: scrollWidth ${sw} <= clientWidth ${cw}`);
      await context.close();
    }
  });

  test('every control has a name and every field a label, on both pages and in both languages', async () => {
    for (const url of ['/?lang=zh', '/?lang=en', '/codes.html?lang=zh', '/codes.html?lang=en']) {
      const { page, context } = await open(url);
      if (!url.includes('codes')) {
        await page.click('button[data-example="list"]');
        await page.click('button[data-bounce="gmail"]');
      }
      const problems = await page.evaluate(() => {
        const out = [];
        for (const b of document.querySelectorAll('button, a[href]')) {
          const name = (b.getAttribute('aria-label') || b.textContent || '').trim();
          if (!name && !b.querySelector('img[alt]:not([alt=""])')) out.push('unnamed ' + b.outerHTML.slice(0, 80));
        }
        for (const f of document.querySelectorAll('input, textarea, select')) {
          if (!f.labels || !f.labels.length) out.push('unlabelled ' + (f.id || f.outerHTML.slice(0, 80)));
        }
        if (!document.documentElement.lang) out.push('no lang');
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        if (new Set(ids).size !== ids.length) out.push('duplicate ids');
        return out;
      });
      assert.deepEqual(problems, [], url);
      await context.close();
    }
  });

  test('keyboard: the skip link, examples and the language switch work from the keyboard', async () => {
    const { page, context, log } = await open('/');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    await page.keyboard.press('Enter');
    await page.locator('button[data-example="list"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#rcpt-out .rcpt');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'rcpt', 'focus moves to the field');
    await page.locator('button[data-lang="en"]').focus();
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assertClean(log);
    await context.close();
  });
});

describe('hostile input', () => {
  test('a hostile bounce, recipient field or .eml executes nothing and adds no element', async () => {
    const { page, context, log } = await open('/');
    await page.evaluate(() => {
      window.__added = [];
      new MutationObserver((muts) => {
        for (const m of muts) {
          for (const n of m.addedNodes) {
            if (n.nodeType !== 1) continue;
            for (const e of [n, ...n.querySelectorAll('*')]) {
              const tag = e.tagName.toLowerCase();
              const attrs = [...e.attributes].map((a) => a.name + '=' + a.value);
              if (['script', 'img', 'iframe', 'svg', 'object', 'embed', 'style', 'link', 'meta', 'form', 'video', 'audio', 'math'].includes(tag)) window.__added.push(tag);
              if (attrs.some((a) => /^on/i.test(a) || /javascript:/i.test(a))) window.__added.push(tag + '[' + attrs.join(' ') + ']');
            }
          }
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    // As pasted text, through the explainer.
    await page.fill('#bounce', hostile.text);
    await page.waitForSelector('#bounce-out .report-body');
    // As a recipient field.
    await page.fill('#rcpt', hostile.recipients);
    await page.waitForSelector('#rcpt-out .rcpt');
    // As an .eml file (bytes, explainBounceBytes).
    await page.setInputFiles('#eml', { name: 'evil.eml', mimeType: 'message/rfc822', buffer: Buffer.from(hostile.eml) });
    await page.waitForFunction(() => document.getElementById('file-note').textContent.includes('evil.eml'));
    await page.waitForSelector('#bounce-out .report-body');
    // Click everything the report offers, and every link it made.
    for (const b of await page.locator('#bounce-out button, #rcpt-out button').all()) await b.click().catch(() => {});
    for (const d of await page.locator('#bounce-out details').all()) await d.evaluate((x) => (x.open = true));
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({ pwned: window.__pwned ?? null, added: window.__added, jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length }));
    assert.equal(state.pwned, null, 'the payload never ran');
    assert.deepEqual(state.added, [], 'no element of the payload was created');
    assert.equal(state.jsLinks, 0);
    // The recipient field shows the payload as text.
    const shown = await page.textContent('#rcpt-out');
    assert.ok(shown.includes('<img'), 'the payload is shown as text');
    assertClean(log);
    await context.close();
  });

  test('[core] the hostile bounce is shown as text in the explanation', async () => {
    const { page, context, log } = await open('/');
    await page.fill('#bounce', hostile.text);
    await page.waitForSelector('#bounce-out .card', { timeout: 5000 });
    const text = await page.textContent('#bounce-out');
    assert.ok(text.includes('<img') || text.includes('<script'), 'the diagnostic appears as text');
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
    assertClean(log);
    await context.close();
  });
});

describe('[core] checker', () => {
  test('typing a full-width ＠ shows the error, and the fix button corrects it', async () => {
    const { page, context, log } = await open('/');
    await page.locator('#rcpt').pressSequentially('zhangsan＠qq.com', { delay: 10 });
    // The field is checked while it is typed: a check of a half-typed `zha` (no @ yet) is an error
    // too, so the test waits for the finding about the whole address rather than the first error
    // (on a loaded machine a check can run between two keystrokes).
    const rcpt = page.locator('#rcpt-out .rcpt[data-verdict="error"]').filter({ hasText: /＠|全角/ }).first();
    await rcpt.waitFor({ timeout: 5000 });
    const text = await rcpt.textContent();
    assert.ok(/＠|全角/.test(text), `the finding explains the full-width ＠: ${text}`);
    const fix = rcpt.locator('button.fix[data-suggestion="zhangsan@qq.com"]').first();
    await fix.click();
    assert.equal(await page.inputValue('#rcpt'), 'zhangsan@qq.com');
    await page.waitForSelector('#rcpt-out .rcpt[data-verdict="ok"]');
    assert.equal(await page.locator('#rcpt-out button.fix').count(), 0, 'nothing left to fix');
    assertClean(log);
    await context.close();
  });

  test('the fix keeps the display name and the other recipients', async () => {
    const { page, context, log } = await open('/');
    await page.fill('#rcpt', 'lisi@163.com; 张三 <zhangsan＠qq.com>');
    const fix = page.locator('#rcpt-out .rcpt[data-verdict="error"] button.fix').first();
    await fix.waitFor({ timeout: 5000 });
    await fix.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.inputValue('#rcpt'), 'lisi@163.com; 张三 <zhangsan@qq.com>');
    assertClean(log);
    await context.close();
  });

  test('the examples: qq.con, 136.com (ambiguous, no guess), a short QQ number, a list split with ；', async () => {
    const { page, context, log } = await open('/');
    await page.click('button[data-example="qqcon"]');
    await page.waitForSelector('#rcpt-out .rcpt[data-verdict="error"] button.fix[data-suggestion="lisi@qq.com"], #rcpt-out .rcpt[data-verdict="warning"] button.fix[data-suggestion="lisi@qq.com"]', { timeout: 5000 });
    await page.click('button[data-example="c136"]');
    await page.waitForSelector('#rcpt-out .rcpt:not([data-verdict="ok"])');
    assert.equal(await page.locator('#rcpt-out .rcpt .fix').count(), 0, '136.com could be 163 or 126: no single fix offered');
    await page.click('button[data-example="shortqq"]');
    await page.waitForSelector('#rcpt-out .rcpt:not([data-verdict="ok"])');
    await page.click('button[data-example="list"]');
    await page.waitForFunction(() => document.querySelectorAll('#rcpt-out .rcpt').length === 3);
    assertClean(log);
    await context.close();
  });
});

describe('[core] explainer', () => {
  test('pasting a 163 notice shows the right reason, whose side and what to do', async () => {
    const { page, context, log } = await open('/');
    await page.fill('#bounce', BOUNCES.netease);
    const card = page.locator('#bounce-out .card').first();
    await card.waitFor({ timeout: 5000 });
    assert.equal(await card.getAttribute('data-reason'), 'spamdetected');
    assert.equal(await card.getAttribute('data-provider-code'), 'DT:SPM');
    assert.equal(await card.getAttribute('data-fault'), 'sender_content');
    assert.ok((await card.locator('h3.title').textContent()).trim().length > 0, 'a title');
    assert.ok((await card.locator('ol.actions li').count()) > 0, 'steps to take');
    assert.ok((await card.locator('.who').textContent()).includes('wangwu@126.com'));
    // The provider code links to its code-book entry.
    assert.equal(await card.locator('.pcode a').getAttribute('href'), 'codes.html#DT%3ASPM');
    // The explanation follows the language switch.
    const zhTitle = await card.locator('h3.title').textContent();
    await page.click('button[data-lang="en"]');
    await page.waitForFunction((t) => document.querySelector('#bounce-out .card h3.title')?.textContent !== t, zhTitle);
    assertClean(log);
    await context.close();
  });

  test('every example bounce is explained', async () => {
    const { page, context, log } = await open('/');
    const want = { netease: 'spamdetected', qq: 'userunknown', gmail: 'userunknown', outlook: 'userunknown', reply: 'ratelimited' };
    for (const [ex, reason] of Object.entries(want)) {
      await page.click(`button[data-bounce="${ex}"]`);
      await page.waitForSelector(`#bounce-out .card[data-reason="${reason}"]`, { timeout: 5000 });
    }
    assertClean(log);
    await context.close();
  });

  test('a dropped .eml in GB18030 is read as bytes and explained', async () => {
    const { page, context, log } = await open('/');
    await page.setInputFiles('#eml', { name: 'bounce.eml', mimeType: 'message/rfc822', buffer: hostile.gbkEml });
    const card = page.locator('#bounce-out .card').first();
    await card.waitFor({ timeout: 5000 });
    assert.equal(await card.getAttribute('data-reason'), 'userunknown');
    assertClean(log);
    await context.close();
  });
});

describe('[core] code book', () => {
  test('lists every code the core knows, and the search narrows it', async () => {
    const { page, context, log } = await open('/codes.html');
    const has = await page.evaluate(async () => {
      const m = await import('./pkg/tuixin.js');
      return typeof m.codebook === 'function' && typeof m.codeCount === 'function';
    });
    assert.ok(has, 'the wasm exports codebook() and codeCount()');
    const want = await page.evaluate(async () => (await import('./pkg/tuixin.js')).codeCount());
    const listed = await page.locator('.entry[data-kind="code"]').count();
    assert.ok(want > 0);
    assert.equal(listed, want, 'every provider code is listed');
    // The reasons and RFC 3463 statuses too, when the core exports their counts.
    const more = await page.evaluate(async () => {
      const m = await import('./pkg/tuixin.js');
      return { reason: m.reasonCount?.(), status: m.statusCount?.() };
    });
    for (const [kind, n] of Object.entries(more)) {
      if (n != null) assert.equal(await page.locator(`.entry[data-kind="${kind}"]`).count(), n, `every ${kind} is listed`);
    }
    const total = Number(await page.getAttribute('#count', 'data-total'));
    await page.locator('#q').pressSequentially('DT:SPM', { delay: 10 });
    // The filter is debounced: on a loaded machine a pause between keystrokes may apply it to a
    // prefix first, so wait for the list of the whole query (or time out and fail below).
    await page
      .waitForFunction(() => [...document.querySelectorAll('.entry:not([hidden])')].every((e) => e.textContent.toLowerCase().includes('dt:spm')), null, { timeout: 5000 })
      .catch(() => {});
    const shown = Number(await page.getAttribute('#count', 'data-shown'));
    assert.ok(shown >= 1 && shown < total, `the search narrows the list: ${shown} of ${total}`);
    const visible = await page.locator('.entry:not([hidden])').allTextContents();
    assert.ok(visible.every((t) => t.toLowerCase().includes('dt:spm')), 'only matching entries stay');
    await page.fill('#q', 'zzzz-no-such-code');
    await page.waitForFunction(() => document.getElementById('count').dataset.shown === '0');
    assertClean(log);
    await context.close();
  });

  test('/#DT:SPM on the main page forwards to the code book entry', async () => {
    const { page, context, log } = await open('/#DT:SPM');
    await page.waitForURL(/codes\.html#DT:SPM$/);
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('.entry.target[data-code="DT:SPM"]').waitFor({ timeout: 5000 });
    assertClean(log);
    await context.close();
  });

  test('an entry is linkable as #DT:SPM and shows its explanation, retry, side and steps', async () => {
    const { page, context, log } = await open('/codes.html#DT:SPM');
    const entry = page.locator('.entry.target');
    await entry.waitFor({ timeout: 5000 });
    assert.equal(await entry.getAttribute('data-code'), 'DT:SPM');
    assert.ok(await entry.locator('.detail').count(), 'an explanation');
    assert.equal(await entry.locator('.tag.temporary, .tag.permanent').count(), 1, 'temporary or permanent');
    assert.equal(await entry.locator('.tag.fault').count(), 1, 'whose side');
    assert.ok(await entry.locator('ol.actions li').count(), 'what to do');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.code), 'DT:SPM');
    // The search works in both languages whatever the page language is.
    await page.click('button[data-lang="en"]');
    await page.fill('#q', '垃圾邮件');
    await page.waitForFunction(() => Number(document.getElementById('count').dataset.shown) > 0);
    assertClean(log);
    await context.close();
  });
});
