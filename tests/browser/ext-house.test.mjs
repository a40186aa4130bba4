// House rules of the extension, checked without a browser: the manifest asks for nothing beyond
// storage and the webmail hosts; every adapter implements the whole interface and cites its
// evidence; no extension code parses HTML; every UI string exists in zh and en.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import vm from 'node:vm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const EXT = fileURLToPath(new URL('../../extension/', import.meta.url));
const read = (p) => readFileSync(path.join(EXT, p), 'utf8');
const manifest = JSON.parse(read('manifest.json'));
const HOSTS = ['https://*.mail.163.com/*', 'https://*.mail.126.com/*', 'https://*.yeah.net/*', 'https://*.qiye.163.com/*',
  'https://webmail.vip.163.com/*', 'https://mail.qq.com/*', 'https://exmail.qq.com/*', 'https://wx.mail.qq.com/*'];

test('manifest: MV3, storage and the webmail hosts only, content scripts in all frames, both locales', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions, ['storage']);
  assert.equal(manifest.optional_permissions, undefined);
  assert.deepEqual([...manifest.host_permissions].sort(), [...HOSTS].sort());
  const cs = manifest.content_scripts[0];
  assert.equal(cs.all_frames, true);
  for (const m of cs.matches) assert.ok(HOSTS.some((h) => m.startsWith(h.slice(0, -1))), m);
  for (const f of cs.js) assert.ok(existsSync(path.join(EXT, f)), f);
  assert.equal(manifest.default_locale, 'zh_CN');
  const zh = JSON.parse(read('_locales/zh_CN/messages.json'));
  const en = JSON.parse(read('_locales/en/messages.json'));
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  assert.match(manifest.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
});

test('no extension code parses HTML or evaluates strings', () => {
  const offenders = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'pkg') walk(p); continue; }
      if (!/\.(js|html)$/.test(e.name)) continue;
      const text = readFileSync(p, 'utf8');
      for (const bad of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'createContextualFragment', 'DOMParser']) {
        if (text.includes(bad)) offenders.push(`${path.relative(EXT, p)}: ${bad}`);
      }
      if (/\.html$/.test(e.name) && /<script(?![^>]*\bsrc=)/.test(text)) offenders.push(`${path.relative(EXT, p)}: inline script`);
    }
  };
  walk(EXT);
  assert.deepEqual(offenders, []);
});

test('every adapter implements the whole interface and cites webmail-dom.md', () => {
  const ctx = { console, tuixin: {} };
  ctx.globalThis = ctx;
  vm.createContext(ctx);
  for (const f of ['adapters/base.js', 'adapters/netease.js', 'adapters/qq-classic.js', 'adapters/qq-new.js']) vm.runInContext(read(f), ctx, { filename: f });
  const adapters = ctx.tuixin.adapters;
  assert.deepEqual(Array.from(adapters, (a) => a.name), ['netease', 'qq-classic', 'qq-new']);
  const fns = ['composes', 'fields', 'chips', 'removeChip', 'commit', 'sendButton', 'isSend', 'composeOf', 'editorDocs', 'readRow', 'openMessage'];
  for (const a of adapters) {
    for (const fn of fns) assert.equal(typeof a[fn], 'function', `${a.name}.${fn}`);
    assert.equal(typeof a.rowSelector, 'string');
    assert.equal(Object.prototype.toString.call(a.hosts), '[object RegExp]');
  }
  const hostOf = (name) => adapters.find((a) => a.hosts.test(name))?.name;
  assert.equal(hostOf('mail.163.com'), 'netease');
  assert.equal(hostOf('hwwebmail.mail.163.com'), 'netease');
  assert.equal(hostOf('mail.126.com'), 'netease');
  assert.equal(hostOf('mail.yeah.net'), 'netease');
  assert.equal(hostOf('mailhz.qiye.163.com'), 'netease');
  assert.equal(hostOf('webmail.vip.163.com'), 'netease');
  assert.equal(hostOf('mail.qq.com'), 'qq-classic');
  assert.equal(hostOf('exmail.qq.com'), 'qq-classic');
  assert.equal(hostOf('wx.mail.qq.com'), 'qq-new');
  assert.equal(hostOf('mail.example.org'), undefined);
  for (const f of ['adapters/netease.js', 'adapters/qq-classic.js', 'adapters/qq-new.js']) {
    assert.match(read(f), /webmail-dom\.md/);
    assert.ok((read(f).match(/§\d/g) || []).length >= 4, `${f} cites the sections its selectors come from`);
  }
});

test('every UI string exists in zh and en, and every data-i18n key is known', () => {
  const ctx = { console, navigator: { language: 'zh-CN' } };
  ctx.globalThis = ctx;
  vm.createContext(ctx);
  vm.runInContext(read('common/strings.js'), ctx);
  const src = read('common/strings.js');
  const block = (lang) => src.slice(src.indexOf(`    ${lang}: {`), src.indexOf('    },', src.indexOf(`    ${lang}: {`)));
  const keys = (lang) => [...block(lang).matchAll(/^\s{6}(\w+):/gm)].map((m) => m[1]).sort();
  assert.deepEqual(keys('zh'), keys('en'));
  const used = new Set();
  for (const f of ['popup/popup.html', 'options/options.html']) for (const m of read(f).matchAll(/data-i18n="(\w+)"/g)) used.add(m[1]);
  for (const f of ['content/main.js', 'content/ui.js', 'common/render.js', 'popup/popup.js', 'options/options.js']) {
    for (const m of read(f).matchAll(/\bt\('(\w+)'/g)) used.add(m[1]);
  }
  const known = new Set(keys('zh'));
  for (const k of used) {
    if (k.endsWith('_')) assert.ok([...known].some((x) => x.startsWith(k)), `no strings with the prefix ${k}`); // t('fault_' + side)
    else assert.ok(known.has(k), `unknown string ${k}`);
  }
  for (const side of ['recipient_address', 'recipient_mailbox', 'recipient_policy', 'sender_content', 'sender_account', 'sender_server', 'network']) {
    assert.ok(known.has('fault_' + side), side);
  }
});

test('the privacy promise is made in the README, the options page and the store listing; no code names a remote address', () => {
  const readme = readFileSync(path.join(EXT, '..', 'README.md'), 'utf8');
  const store = read('STORE.md');
  const strings = read('common/strings.js');
  for (const [where, text] of [['README.md', readme], ['extension/STORE.md', store]]) {
    assert.match(text, /no network request/i, where);
    assert.match(text, /no analytics/i, where);
  }
  assert.match(store, /不发出任何网络请求/);
  assert.match(strings, /optPrivacy: '[^']*不发出任何网络请求/);
  assert.match(strings, /optPrivacy: '[^']*makes no network request[^']*no analytics/);
  assert.match(strings, /optPrivacy: '[^']*不发出任何网络请求[^']*统计分析/);
  assert.match(read('options/options.html'), /data-i18n="optPrivacy"/);
  const remote = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'pkg') walk(p); continue; }
      if (/\.(js|html|css)$/.test(e.name) && /\b(https?|wss?):\/\//i.test(readFileSync(p, 'utf8'))) remote.push(path.relative(EXT, p));
    }
  };
  walk(EXT);
  assert.deepEqual(remote, [], 'no script, page or style names a remote address');
});
