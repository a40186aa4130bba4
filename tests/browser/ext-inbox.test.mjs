// Inbox: badges on bounce rows, the explanation card above an opened bounce (reason, whose side,
// retry, what to do, per-recipient address check with a copy-fix button), a caution for a message
// dressed as a bounce, nothing on ordinary mail, and the memory round trip into compose.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch, ready, ui, core, mainFrame, URLS, SHOTS, WAITS_EXPLAINER } from './lib/browser.mjs';
import { SITES } from './lib/sites.mjs';

let b;
let C;
before(async () => { C = await core(); b = await launch(); });
after(async () => { await b?.close(); });

const badgeOf = (f, rowSel) => f.locator(rowSel).locator('tuixin-ui[data-tuixin="badge"]');
async function settle(f) { await ready(f); await b.page.waitForTimeout(250); }

test('163 list: bounce rows from Postmaster get a badge, ordinary mail none', async () => {
  await b.setStorage({ bounces: [], allowlist: [] });
  await b.page.goto(URLS.netease);
  await settle(b.page);
  for (const id of ['1041mid1', '1041mid2', '1041mid5']) {
    const badge = badgeOf(b.page, `[sign="letter"][data-mid="${id}"]`);
    assert.equal(await badge.count(), 1, id);
    assert.equal(await badge.getAttribute('data-verdict'), 'bounce');
    assert.match(await badge.locator('span').innerText(), /退信/);
  }
  assert.equal(await badgeOf(b.page, '[sign="letter"][data-mid="1041mid3"]').count(), 0);
});

test('QQ classic list (mainFrame): bounce badge; a non-postmaster 来自qq.com的退信 gets a caution badge', async () => {
  await b.page.goto(URLS.qqFrame());
  const f = await mainFrame(b.page);
  await settle(f);
  const row = (id) => `table.i.M:has(input[value="${id}"])`;
  assert.equal(await badgeOf(f, row('ZC0001')).getAttribute('data-verdict'), 'bounce');
  assert.equal(await badgeOf(f, row('ZC0003')).getAttribute('data-verdict'), 'caution');
  assert.equal(await badgeOf(f, row('ZC0002')).count(), 0);
});

test('QQ new list: bounce badge on the PostMaster row', async () => {
  await b.page.goto(URLS.qqNew('/list/1'));
  await settle(b.page);
  assert.equal(await badgeOf(b.page, '.mail-list-page-item[data-mailid="ZC0001"]').getAttribute('data-verdict'), 'bounce');
  assert.equal(await badgeOf(b.page, '.mail-list-page-item[data-mailid="ZC0002"]').count(), 0);
});

test('163: an opened 系统退信 gets a card above the message; ordinary mail gets none', async () => {
  await b.page.goto(URLS.neteaseRead('1041mid1'));
  await settle(b.page);
  await ui.card(b.page).waitFor({ timeout: 3000 });
  // the card sits before the reading iframe, outside the mail body
  const before = await b.page.evaluate(() => {
    const host = document.querySelector('tuixin-ui[data-tuixin="card"]');
    const frame = document.querySelector('[id^="_dvModuleContainer_read.ReadModule"] iframe');
    return !!(host.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(before);
  await b.page.goto(URLS.neteaseRead('1041mid3'));
  await settle(b.page);
  await b.page.waitForTimeout(300);
  assert.equal(await ui.card(b.page).count(), 0);
});

test('163: a message dressed as a bounce from a non-postmaster gets a caution', async () => {
  await b.page.goto(URLS.neteaseRead('1041mid4'));
  await settle(b.page);
  const card = ui.card(b.page);
  await card.waitFor({ timeout: 3000 });
  assert.equal(await card.getAttribute('data-tuixin'), 'caution');
  assert.match(await card.innerText(), /小心/);
});

test('QQ classic: a non-postmaster 来自qq.com的退信 gets a caution in mainFrame', async () => {
  await b.page.goto(URLS.qqRead('ZC0003'));
  const f = await mainFrame(b.page);
  await settle(f);
  await ui.card(f).waitFor({ timeout: 3000 });
  assert.equal(await ui.card(f).getAttribute('data-tuixin'), 'caution');
});

async function checkCard(f, reasons, fix) {
  const card = ui.card(f);
  await card.waitFor({ timeout: 3000 });
  assert.equal(await card.getAttribute('data-tuixin'), 'card');
  assert.ok(reasons.includes(await card.getAttribute('data-reason')), `reason ${await card.getAttribute('data-reason')}, expected one of ${reasons}`);
  const text = await card.innerText();
  assert.match(text, /发生了什么/);
  assert.match(text, /问题在哪一方/);
  assert.match(text, /要不要重试/);
  const copy = card.locator(`button[data-fix="${fix}"]`);
  assert.equal(await copy.count(), 1, 'a copy-fix button for the corrected address');
  await copy.click();
  await copy.filter({ hasText: '已复制' }).waitFor({ timeout: 2000 });
}

test('163: the 系统退信 card has the right reason and the fix for the mistyped recipient', async (t) => {
  if (!C.explainer) t.todo(WAITS_EXPLAINER);
  await b.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://mail.163.com' });
  await b.page.goto(URLS.neteaseRead('1041mid1'));
  await settle(b.page);
  // Netease reports a domain without mail servers with its "Can not connect to" code: either reading is right
  await checkCard(b.page, ['hostunknown', 'networkerror'], 'zhangsan@qq.com');
  mkdirSync(SHOTS, { recursive: true });
  await b.page.locator('[id^="_dvModuleContainer_read.ReadModule"]').screenshot({ path: path.join(SHOTS, 'bounce-card.png') });
});

test('163: a DT:SPM bounce is explained as spam', async (t) => {
  if (!C.explainer) t.todo(WAITS_EXPLAINER);
  await b.page.goto(URLS.neteaseRead('1041mid2'));
  await settle(b.page);
  await ui.card(b.page).waitFor({ timeout: 3000 });
  assert.equal(await ui.card(b.page).getAttribute('data-reason'), 'spamdetected');
});

test('QQ classic: the 来自qq.com的退信 card has the right reason and the fix', async (t) => {
  if (!C.explainer) t.todo(WAITS_EXPLAINER);
  await b.page.goto(URLS.qqRead('ZC0001'));
  const f = await mainFrame(b.page);
  await settle(f);
  // "Host or domain name not found. Name service error ... type=MX": the domain does not exist (Sisimai: hostunknown)
  await checkCard(f, ['hostunknown'], 'lisi@163.com');
});

test('QQ new: the 来自qq.com的退信 card has the right reason and the fix', async (t) => {
  if (!C.explainer) t.todo(WAITS_EXPLAINER);
  await b.page.goto(URLS.qqNew('/read/ZC0001'));
  await settle(b.page);
  await checkCard(b.page, ['hostunknown'], 'lisi@163.com');
});

test('memory round trip: an explained bounce is remembered, shown in the list badge and when composing to it again', async (t) => {
  if (!C.explainer) t.todo(WAITS_EXPLAINER);
  await b.setStorage({ bounces: [], allowlist: [] });
  await b.page.goto(URLS.neteaseRead('1041mid1'));
  await settle(b.page);
  await ui.card(b.page).waitFor({ timeout: 3000 });
  const reason = await ui.card(b.page).getAttribute('data-reason');
  await b.page.waitForTimeout(200);
  const { bounces } = await b.storage();
  const entry = bounces.find((x) => x.address === 'zhangsan@qq.con');
  assert.ok(entry, JSON.stringify(bounces));
  assert.equal(entry.reason, reason);
  // the list row now carries the short reason
  await b.page.goto(URLS.netease);
  await settle(b.page);
  const badge = badgeOf(b.page, '[sign="letter"][data-mid="1041mid1"]');
  assert.ok((await badge.getAttribute('data-reason-text')).length > 0);
  // composing to it again shows the earlier bounce
  const s = SITES['163'];
  await b.page.goto('about:blank');
  await b.page.goto(s.url);
  await ready(b.page);
  await s.to(b.page).click();
  await s.to(b.page).pressSequentially('zhangsan@qq.con', { delay: 5 });
  await ui.mark(b.page).first().waitFor({ timeout: 2000 });
  await ui.mark(b.page).first().hover();
  await ui.tip(b.page).waitFor();
  assert.match(await ui.tip(b.page).innerText(), new RegExp(entry.date));
});

test('the same adapters serve 126, yeah.net, qiye.163.com and exmail.qq.com (the manifest matches them)', async () => {
  for (const host of ['mail.126.com', 'mail.yeah.net', 'mailhz.qiye.163.com']) {
    await b.page.goto(URLS.netease.replace('mail.163.com', host));
    await settle(b.page);
    assert.equal(await badgeOf(b.page, '[sign="letter"][data-mid="1041mid1"]').count(), 1, host);
  }
  await b.page.goto(URLS.qqFrame().replace('mail.qq.com', 'exmail.qq.com'));
  const f = await mainFrame(b.page);
  await settle(f);
  assert.equal(await badgeOf(f, 'table.i.M:has(input[value="ZC0001"])').count(), 1);
});
