#!/usr/bin/env node
// `make demo`: Chromium with the built extension on the local replicas of the webmail pages
// (163 inbox and compose, QQ classic, QQ new), served under their real hostnames, so anyone can
// see it work without an account. Headful when there is a display; on a headless machine it says
// how to run it elsewhere and shows, headless, that the extension is at work on each replica.
import { launch, mainFrame, ready, URLS } from '../tests/browser/lib/browser.mjs';

const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
const tabs = [
  ['163 inbox (open a 系统退信)', URLS.netease],
  ['163 compose (type zhangsan＠qq.con in 收件人)', URLS.neteaseCompose],
  ['QQ classic: a 来自qq.com的退信 in mainFrame', URLS.qqRead('ZC0001')],
  ['QQ classic compose', URLS.qqCompose],
  ['QQ new inbox', URLS.qqNew('/list/1')],
  ['QQ new compose', URLS.qqNew('/compose')],
];

if (display) {
  const b = await launch({ headless: false });
  b.page.on('close', () => {});
  let first = true;
  for (const [label, url] of tabs) {
    const page = first ? b.page : await b.ctx.newPage();
    first = false;
    await page.goto(url);
    console.log(`opened: ${label}  ${url}`);
  }
  console.log('Close the browser window to end the demo.');
  await new Promise((resolve) => b.ctx.on('close', resolve));
  await b.close();
} else {
  console.log('No display here (DISPLAY is unset), so the demo runs headless and reports what it sees.');
  console.log('On a desktop: `make demo` opens Chromium with these tabs; or load dist/extension unpacked');
  console.log('(chrome://extensions → Developer mode → Load unpacked) and use your own webmail.\n');
  const b = await launch();
  try {
    for (const [label, url] of tabs) {
      await b.page.goto('about:blank');
      await b.page.goto(url);
      const f = /mail\.qq\.com\/cgi-bin/.test(url) ? await mainFrame(b.page) : b.page;
      const mode = await ready(f);
      await b.page.waitForTimeout(400);
      const badges = await f.locator('tuixin-ui[data-tuixin="badge"]').count();
      const cards = await f.locator('tuixin-ui[data-tuixin="card"]').count();
      console.log(`${label}\n  ${url}\n  analyzer: ${mode}; badges: ${badges}; cards: ${cards}`);
    }
  } finally { await b.close(); }
}
