// The www page's own logic (rendering, fix buttons, file reading, language switch) against a
// stand-in for the analyzer that returns objects of exactly the contract's shape (DESIGN.md, CLI
// JSON). This proves the page independently of the real checker/explainer; www.test.mjs proves
// the page with the real core. Run: node --test --test-concurrency=1 tests/browser/www-ui.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, CHROMIUM, hostile } from './www-helpers.mjs';
import { BOUNCES } from '../../www/js/examples.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist/www');

// The stand-in core. Findings: a full-width ＠ is an error with the fix; "136.com" a warning
// without one. Bounces: any text with DT:SPM is a Netease spam rejection; one with "evil" is
// suspicious. Calls are recorded on globalThis.__calls.
const STUB = String.raw`
globalThis.__calls = [];
export default async function init() {}
const MSG = {
  zh: { at: '地址里的 ＠ 是全角字符，应为半角 @。', amb: '136.com 可能是 163.com 或 126.com 的笔误。', dup: '重复的收件人' },
  en: { at: 'The ＠ in the address is full-width; it should be @.', amb: '136.com may be a typo of 163.com or 126.com.', dup: 'Duplicate recipient' },
};
export function checkRecipients(text, opts) {
  const lang = (opts && opts.lang) || 'zh';
  globalThis.__calls.push(['checkRecipients', text, lang]);
  const chars = Array.from(text);
  const recipients = [];
  let start = 0;
  const flush = (end) => {
    const raw = chars.slice(start, end).join('');
    if (raw.trim()) {
      const m = /<([^>]*)>/.exec(raw);
      const typed = (m ? m[1] : raw).trim();
      const name = m ? raw.slice(0, m.index).trim() || null : null;
      const address = typed.replace('＠', '@');
      const findings = [];
      if (typed.includes('＠')) findings.push({ rule: 'fullwidth-at', severity: 'error', message: MSG[lang].at, suggestion: address });
      if (/@136\.com$/.test(address)) findings.push({ rule: 'domain-ambiguous', severity: 'warning', message: MSG[lang].amb, suggestion: null });
      const verdict = findings.some((f) => f.severity === 'error') ? 'error' : findings.length ? 'warning' : 'ok';
      recipients.push({ raw, start, end, name, address, verdict, suggestion: typed.includes('＠') ? address : null, findings });
    }
  };
  chars.forEach((c, i) => {
    if (c === ';' || c === '；' || c === ',' || c === '\n') {
      flush(i);
      start = i + 1;
    }
  });
  flush(chars.length);
  const fixable = recipients.some((r) => r.suggestion);
  const fixed = fixable ? text.replaceAll('＠', '@').replaceAll('；', ';') : null;
  return { input: text, recipients, findings: [], fixed };
}
export function explainBounce(text, opts) {
  const lang = (opts && opts.lang) || 'zh';
  globalThis.__calls.push(['explainBounce', text.length, lang]);
  if (!text.includes('DT:SPM')) return { source: '', is_bounce: false, kind: 'not_bounce', generated_by: null, suspicious: false, recipients: [] };
  const zh = lang === 'zh';
  return {
    source: '', is_bounce: true, kind: 'notice', generated_by: 'Netease', suspicious: text.includes('evil'),
    recipients: [{
      address: 'wangwu＠126.com', action: 'failed', status: '5.0.0', reply_code: '554', provider_code: 'DT:SPM',
      remote_host: 'mx.126.com', diagnostic: text.slice(0, 400), reason: 'spamdetected', hard: false, temporary: false,
      fault: 'sender_content',
      explanation: { title: zh ? '被网易判为垃圾邮件' : 'Netease took it for spam', detail: zh ? '内容像垃圾邮件。' : 'The content looks like spam.', actions: zh ? ['修改主题和正文后重发。'] : ['Rewrite the subject and body, then resend.'] },
      address_check: { raw: 'wangwu＠126.com', start: 0, end: 14, name: null, address: 'wangwu@126.com', verdict: 'error', suggestion: 'wangwu@126.com',
        findings: [{ rule: 'fullwidth-at', severity: 'error', message: MSG[lang].at, suggestion: 'wangwu@126.com' }] },
    }],
  };
}
export function explainBounceBytes(bytes, opts) {
  globalThis.__calls.push(['explainBounceBytes', Object.prototype.toString.call(bytes), bytes.length]);
  return explainBounce(new TextDecoder('gb18030').decode(bytes) + ' DT:SPM', opts);
}
export function codebook(lang) { return { lang, codes: [], reasons: [] }; }
export function codeCount() { return 0; }
`;

// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

let server;
let browser;

before(async () => {
  assert.ok(existsSync(path.join(dist, 'index.html')), 'dist/www is missing: run scripts/build-www.sh');
  server = await serve(dist, {
    '/pkg/tuixin.js': STUB,
    '/screenshots/index.json': JSON.stringify([{ file: 'compose-warning.png' }, { file: 'x.png', zh: '自定义说明', en: 'a caption' }, { file: '../evil.png' }]),
    '/screenshots/compose-warning.png': PNG,
    '/screenshots/x.png': PNG,
    '/download/index.json': JSON.stringify(['tuixin-chromium.zip']),
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url = '/?lang=zh') {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('dialog', (d) => {
    errors.push('dialog: ' + d.message());
    d.dismiss();
  });
  await page.goto(server.url + url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, context, errors };
}

test('full-width ＠ typed: the error shows under the recipient and the fix button corrects only it', async () => {
  const { page, context, errors } = await open();
  await page.locator('#rcpt').pressSequentially('lisi@163.com；张三 <zhangsan＠qq.com>', { delay: 5 });
  const bad = page.locator('#rcpt-out .rcpt[data-verdict="error"]');
  await bad.waitFor();
  assert.equal(await page.locator('#rcpt-out .rcpt').count(), 2);
  assert.match(await bad.locator('.finding[data-rule="fullwidth-at"]').textContent(), /全角/);
  const fix = bad.locator('button.fix');
  assert.equal(await fix.count(), 1, 'one button per distinct suggestion');
  assert.equal(await fix.textContent(), '改为 zhangsan@qq.com');
  await fix.click();
  assert.equal(await page.inputValue('#rcpt'), 'lisi@163.com；张三 <zhangsan@qq.com>', 'display name and separator kept');
  await page.waitForFunction(() => [...document.querySelectorAll('#rcpt-out .rcpt')].every((r) => r.dataset.verdict === 'ok'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rcpt', 'focus returns to the field');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"fix all" applies the whole-field fix; a finding without a suggestion offers no button', async () => {
  const { page, context, errors } = await open();
  await page.fill('#rcpt', 'a＠qq.com; b＠qq.com; wangwu@136.com');
  await page.waitForSelector('#rcpt-out .rcpt[data-verdict="warning"]');
  assert.equal(await page.locator('#rcpt-out .rcpt[data-verdict="warning"] button').count(), 0);
  await page.click('button.fixall');
  assert.equal(await page.inputValue('#rcpt'), 'a@qq.com; b@qq.com; wangwu@136.com');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the explanation card: title, what happened, whose side, retry, steps, address check, details', async () => {
  const { page, context, errors } = await open();
  await page.fill('#bounce', BOUNCES.netease);
  const card = page.locator('#bounce-out .card');
  await card.waitFor();
  assert.equal(await card.getAttribute('data-reason'), 'spamdetected');
  assert.equal(await card.locator('h3.title').textContent(), '被网易判为垃圾邮件');
  assert.equal(await card.locator('dd.detail').textContent(), '内容像垃圾邮件。');
  assert.equal(await card.locator('dd.fault').textContent(), '邮件内容');
  assert.match(await card.locator('dd.retry').textContent(), /不是临时问题/);
  assert.equal(await card.locator('ol.actions li').count(), 1);
  assert.equal(await card.locator('.addrcheck .rcpt[data-verdict="error"]').count(), 1);
  await card.locator('.addrcheck button.fix').click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'wangwu@126.com', 'the fixed address is copied');
  assert.equal(await card.locator('.pcode a').getAttribute('href'), 'codes.html#DT%3ASPM');
  assert.match(await card.locator('dd.diagnostic pre').textContent(), /DT:SPM/);
  assert.equal(await page.textContent('#bounce-out .kind'), '退信通知');
  await page.click('button[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('#bounce-out .card h3.title').textContent === 'Netease took it for spam');
  assert.equal(await page.textContent('#bounce-out dd.fault'), 'the message content');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an .eml file is read as bytes (Uint8Array) and re-explained on a language switch', async () => {
  const { page, context, errors } = await open();
  await page.setInputFiles('#eml', { name: 'bounce.eml', mimeType: 'message/rfc822', buffer: hostile.gbkEml });
  await page.waitForSelector('#bounce-out .card');
  const calls = await page.evaluate(() => globalThis.__calls.filter((c) => c[0] === 'explainBounceBytes'));
  assert.deepEqual(calls[0], ['explainBounceBytes', '[object Uint8Array]', hostile.gbkEml.length]);
  assert.match(await page.textContent('#file-note'), /bounce\.eml/);
  await page.click('button[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('#bounce-out .card h3.title').textContent === 'Netease took it for spam');
  assert.equal(await page.inputValue('#bounce'), '', 'the bytes are not dumped into the box');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dropped file goes the same way', async () => {
  const { page, context, errors } = await open();
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['554 DT:SPM 126 smtp5'], 'x.eml', { type: 'message/rfc822' }));
    return d;
  });
  await page.dispatchEvent('#bounce', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('#bounce', 'drop', { dataTransfer: dt });
  await page.waitForSelector('#bounce-out .card');
  assert.equal(await page.evaluate(() => globalThis.__calls.some((c) => c[0] === 'explainBounceBytes')), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a suspicious bounce gets the warning; its hostile text stays text', async () => {
  const { page, context, errors } = await open();
  await page.fill('#bounce', 'evil DT:SPM ' + hostile.text);
  await page.waitForSelector('#bounce-out .suspicious');
  await page.locator('#bounce-out details').evaluate((d) => (d.open = true));
  assert.match(await page.textContent('#bounce-out dd.diagnostic pre'), /<script>window.__pwned=9<\/script>/);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.equal(await page.locator('#bounce-out img, #bounce-out script, #bounce-out svg, #bounce-out iframe').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the code book says so when the core has no entries', async () => {
  const { page, context, errors } = await open('/codes.html?lang=en');
  await page.waitForSelector('#count');
  assert.equal(await page.getAttribute('#count', 'data-total'), '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the install section shows the screenshots and packages the build found, captioned per language', async () => {
  const { page, context, errors } = await open('/?lang=zh');
  await page.waitForSelector('#shots:not([hidden]) figure');
  assert.equal(await page.locator('#shots figure').count(), 2, 'a file name with a path is refused');
  assert.match(await page.locator('#shots figcaption').first().textContent(), /写信时/);
  assert.equal(await page.locator('#shots figcaption').nth(1).textContent(), '自定义说明');
  assert.equal(await page.isVisible('.download[data-package="tuixin-chromium.zip"] a'), true);
  assert.equal(await page.isVisible('.download[data-package="tuixin-firefox.zip"]'), false);
  await page.click('button[data-lang="en"]');
  assert.equal(await page.locator('#shots figcaption').nth(1).textContent(), 'a caption');
  assert.equal(await page.locator('#shots img').first().getAttribute('alt'), await page.locator('#shots figcaption').first().textContent());
  assert.deepEqual(errors, []);
  await context.close();
});
