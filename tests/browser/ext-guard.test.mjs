// The send guard: a send with an error-level finding is stopped by a dialog ("go back and fix" keeps
// the draft, "send anyway" sends); Ctrl+Enter is guarded too; a clean send is untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ui, core, WAITS_CHECKER } from './lib/browser.mjs';
import { SITES, openSite } from './lib/sites.mjs';

let b;
let C;
before(async () => { C = await core(); b = await launch(); });
after(async () => { await b?.close(); });

const open = (site) => openSite(b, site);
const sent = (f) => f.evaluate(() => window.__sent);

for (const site of Object.keys(SITES)) {
  test(`${site}: a clean send goes through untouched (click and Ctrl+Enter)`, async () => {
    const s = SITES[site];
    const f = await open(site);
    await s.to(f).click();
    await s.to(f).pressSequentially('bob@example.com', { delay: 5 });
    await s.to(f).press('Enter');
    await s.subject(f).fill('周报');
    await b.page.waitForTimeout(150);
    await s.send(f).click();
    assert.equal(await sent(f), 1);
    assert.equal(await ui.guard(f).count(), 0);
    await s.subject(f).press('Control+Enter');
    assert.equal(await sent(f), 2);
    assert.equal(await ui.guard(f).count(), 0);
  });
}

for (const site of Object.keys(SITES)) {
  test(`${site}: a send with an error is stopped; "go back" keeps the draft; "send anyway" sends`, async (t) => {
    if (!C.checker) t.todo(WAITS_CHECKER);
    const s = SITES[site];
    const f = await open(site);
    await s.to(f).click();
    await s.to(f).pressSequentially('zhangsan＠qq.con', { delay: 5 });
    await s.to(f).press('Enter');
    await s.subject(f).fill('项目资料');
    await s.body(f).click();
    await s.body(f).pressSequentially('你好，附件是项目资料。', { delay: 2 });
    // sent at once, without waiting for the debounced check: the guard checks for itself
    await s.send(f).click();
    await ui.guard(f).waitFor({ timeout: 2000 });
    assert.equal(await sent(f), 0);
    assert.match(await ui.guard(f).innerText(), /zhangsan/);
    await ui.guard(f).locator('button[data-action="back"]').click();
    await ui.guard(f).waitFor({ state: 'detached' });
    assert.equal(await sent(f), 0);
    assert.equal(await s.subject(f).inputValue(), '项目资料');
    assert.match(await s.body(f).innerText(), /附件是项目资料/);
    assert.equal(await s.chips(f).count(), 1);
    await ui.tip(f).waitFor({ timeout: 2000 }); // back at the problem, explained
    // Ctrl+Enter from the subject is guarded as well
    await s.subject(f).press('Control+Enter');
    await ui.guard(f).waitFor({ timeout: 2000 });
    assert.equal(await sent(f), 0);
    await ui.guard(f).locator('button[data-action="send"]').click();
    await b.page.waitForTimeout(100);
    assert.equal(await sent(f), 1);
  });
}

test('163: Ctrl+Enter in the body editor (an iframe) is guarded', async (t) => {
  if (!C.checker) t.todo(WAITS_CHECKER);
  const s = SITES['163'];
  const f = await open('163');
  await s.to(f).click();
  await s.to(f).pressSequentially('lisi@163.con', { delay: 5 });
  await s.body(f).click();
  await s.body(f).pressSequentially('正文', { delay: 5 });
  await s.body(f).press('Control+Enter');
  await ui.guard(f).waitFor({ timeout: 2000 });
  assert.equal(await sent(f), 0);
  await b.page.keyboard.press('Escape');
  await ui.guard(f).waitFor({ state: 'detached' });
  assert.equal(await sent(f), 0);
  assert.match(await s.body(f).innerText(), /正文/);
});

test('163: a half-typed name ("zhangsan") is not marked while typing, but the guard still counts it', async (t) => {
  if (!C.checker) t.todo(WAITS_CHECKER);
  const s = SITES['163'];
  const f = await open('163');
  await s.to(f).click();
  await s.to(f).pressSequentially('zhangsan', { delay: 5 });
  await b.page.waitForTimeout(250);
  assert.equal(await ui.mark(f).count(), 0);
  await s.subject(f).press('Control+Enter');
  await ui.guard(f).waitFor({ timeout: 2000 });
  assert.equal(await sent(f), 0);
});
