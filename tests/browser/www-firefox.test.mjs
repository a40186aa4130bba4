// Smoke test of the www page in Firefox (Debian's firefox-esr), skipped when it is not installed.
// Playwright's Firefox needs its own patched build, and its BiDi channel sends commands that
// Firefox ESR does not know yet, so this drives Firefox directly over WebDriver BiDi (the `ws`
// client that playwright-core bundles). Run: node --test tests/browser/www-firefox.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { serve, hostile } from './www-helpers.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist/www');
const FIREFOX = process.env.FIREFOX || ['/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'].find((p) => existsSync(p));

let server;
let ff;
let profile;
let bidi;

/** A minimal WebDriver BiDi client: command → promise of its result; events collected. */
function connect(url) {
  const { ws: WebSocket } = require('playwright-core/lib/utilsBundle');
  const sock = new WebSocket(url);
  const pending = new Map();
  const events = [];
  let next = 1;
  sock.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.type === 'error') reject(new Error(`${msg.error}: ${msg.message}`));
      else resolve(msg.result);
    } else if (msg.type === 'event') {
      events.push(msg);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      sock.send(JSON.stringify({ id, method, params }));
    });
  return new Promise((resolve, reject) => {
    sock.on('open', () => resolve({ send, events, close: () => sock.close() }));
    sock.on('error', reject);
  });
}

/** Starts Firefox headless with BiDi on a free port; resolves to the ws URL. */
function launch(dir) {
  return new Promise((resolve, reject) => {
    ff = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', dir, '--remote-debugging-port', '0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error('firefox did not start: ' + err.slice(-500))), 60000);
    ff.stderr.on('data', (d) => {
      err += d;
      const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/?$/, '') + '/session');
      }
    });
    ff.on('exit', (code) => reject(new Error(`firefox exited ${code}: ${err.slice(-500)}`)));
  });
}

let context;

async function evaluate(expression) {
  const r = await bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
  if (r.type === 'exception') throw new Error('page exception: ' + JSON.stringify(r.exceptionDetails?.text ?? r.exceptionDetails));
  return r.result?.value;
}

async function until(expression, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await evaluate(expression)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting for ' + expression);
}

async function go(url) {
  await bidi.send('browsingContext.navigate', { context, url: server.url + url, wait: 'complete' });
  await until(`document.body && document.body.dataset.ready === 'true'`);
}

const skip = !FIREFOX ? 'Firefox is not installed (apt-get install firefox-esr)' : !existsSync(path.join(dist, 'index.html')) ? 'dist/www is missing' : false;

before(async () => {
  if (skip) return;
  server = await serve(dist);
  profile = mkdtempSync(path.join(os.tmpdir(), 'tuixin-ff-'));
  writeFileSync(path.join(profile, 'user.js'), ['browser.shell.checkDefaultBrowser', 'datareporting.policy.dataSubmissionEnabled', 'app.update.enabled', 'browser.startup.homepage_override.mstone'].map((k) => `user_pref("${k}", ${k.endsWith('mstone') ? '"ignore"' : 'false'});`).join('\n'));
  bidi = await connect(await launch(profile));
  await bidi.send('session.new', { capabilities: {} });
  await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
  const tree = await bidi.send('browsingContext.getTree', {});
  context = tree.contexts[0].context;
});

after(async () => {
  try {
    await bidi?.send('session.end', {});
  } catch (_) {
    /* closing anyway */
  }
  bidi?.close();
  if (ff && ff.exitCode === null) {
    ff.kill('SIGTERM');
    await new Promise((r) => ff.once('exit', r));
  }
  if (profile) rmSync(profile, { recursive: true, force: true });
  await server?.close();
});

const errors = () => bidi.events.filter((e) => e.method === 'log.entryAdded' && e.params.level === 'error').map((e) => e.params.text);

test('Firefox: the page loads the wasm under its CSP, checks, explains and lists the code book', { skip }, async () => {
  await go('/?lang=en');
  assert.equal(await evaluate(`document.documentElement.lang`), 'en');
  await evaluate(`(() => { const f = document.getElementById('rcpt'); f.value = 'zhangsan＠qq.com; lisi@163.com'; f.dispatchEvent(new Event('input', { bubbles: true })); })()`);
  await until(`document.querySelectorAll('#rcpt-out .rcpt').length === 2`);
  await evaluate(`document.querySelector('button[data-bounce="netease"]').click()`);
  await until(`!!document.querySelector('#bounce-out .report-body')`);
  await go('/codes.html#DT:SPM');
  const counts = await evaluate(`import('./pkg/tuixin.js').then((m) => JSON.stringify({ want: m.codeCount(), listed: document.querySelectorAll('.entry[data-kind="code"]').length, target: document.querySelector('.entry.target')?.dataset.code }))`);
  const { want, listed, target } = JSON.parse(counts);
  assert.equal(listed, want, 'every provider code is listed');
  assert.equal(target, 'DT:SPM');
  assert.deepEqual(errors(), []);
});

test('Firefox: a hostile bounce executes nothing', { skip }, async () => {
  await go('/?lang=zh');
  await evaluate(`(() => { const b = document.getElementById('bounce'); b.value = ${JSON.stringify(hostile.text)}; b.dispatchEvent(new Event('input', { bubbles: true })); const f = document.getElementById('rcpt'); f.value = ${JSON.stringify(hostile.recipients)}; f.dispatchEvent(new Event('input', { bubbles: true })); })()`);
  await until(`!!document.querySelector('#bounce-out .report-body') && !!document.querySelector('#rcpt-out .rcpt')`);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await evaluate(`String(window.__pwned ?? 'unset')`), 'unset');
  assert.equal(await evaluate(`document.querySelectorAll(':is(#bounce-out, #rcpt-out) :is(img, script, svg, iframe, object, embed, style), [onerror], [onload], a[href^="javascript:" i]').length`), 0);
  assert.deepEqual(errors(), []);
});
