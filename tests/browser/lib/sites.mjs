// The three compose UIs as the tests drive them: where the To field, the chips, the send button,
// the subject and the body are in each replica.
import { URLS, mainFrame, ready } from './browser.mjs';

const N163 = '[id="_dvModuleContainer_compose.ComposeModule_1"]';
export const SITES = {
  '163': {
    url: URLS.neteaseCompose,
    frame: async (page) => { await page.waitForFunction(() => window.__replicaReady === true); return page; },
    to: (f) => f.locator(`${N163} input[aria-label^="收件人"]`),
    toRoot: (f) => f.locator(`${N163} .js-component-emailcontainer`).first(),
    chips: (f) => f.locator(`${N163} .js-component-emailcontainer`).first().locator('.js-component-emailblock'),
    send: (f) => f.locator(`${N163} .js-component-toolbar .js-component-button`).first(),
    save: (f) => f.locator(`${N163} .js-component-toolbar .js-component-button`).nth(1),
    subject: (f) => f.locator(`${N163} input[id$="_subjectInput"]`),
    body: (f) => f.frameLocator(`${N163} iframe.APP-editor-iframe`).locator('body'),
  },
  'qq-classic': {
    url: URLS.qqCompose,
    frame: (page) => mainFrame(page),
    to: (f) => f.locator('#toAreaCtrl input'),
    toRoot: (f) => f.locator('#toAreaCtrl'),
    chips: (f) => f.locator('#toAreaCtrl .addr_base'),
    send: (f) => f.locator('a[name="sendbtn"]'),
    save: (f) => f.locator('input[name="savebtn"]'),
    subject: (f) => f.locator('input#subject'),
    body: (f) => f.frameLocator('#QMEditorIfrmEditArea').locator('body'),
  },
  'qq-new': {
    url: URLS.qqNew('/compose'),
    frame: async (page) => { await page.waitForFunction(() => window.__replicaReady === true); return page; },
    to: (f) => f.locator('.mail-compose-page input[aria-label="收件人"]'),
    toRoot: (f) => f.locator('.mail-compose-page .receiver-editor').first(),
    chips: (f) => f.locator('.mail-compose-page .receiver-editor').first().locator('.xmail-cmp-account'),
    send: (f) => f.locator('.mail-compose-header .xmail-ui-btn').first(),
    save: (f) => f.locator('.mail-compose-header .xmail-ui-btn').nth(1),
    subject: (f) => f.locator('.mail-compose-page input[aria-label="主题"]'),
    body: (f) => f.locator('.mail-content-editor-inner'),
  },
};

/** Opens a site's compose page fresh in the launched browser `b`; resolves to its frame once the extension is ready. */
export async function openSite(b, site) {
  const s = SITES[site];
  await b.page.goto('about:blank'); // a fresh page each time (the compose URLs differ from others only by the hash)
  await b.page.goto(s.url);
  const f = await s.frame(b.page);
  await ready(f);
  return f;
}
