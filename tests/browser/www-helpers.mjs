// Helpers of the www browser tests: a static server for dist/www and the hostile inputs.
// Self-contained on purpose (no dependency on the extension's test helpers).

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Debian's chromium, driven directly (the /usr/bin wrapper adds flags of its own). */
export const CHROMIUM = process.env.CHROMIUM || '/usr/lib/chromium/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/**
 * Serves `dir` on 127.0.0.1 on a free port; resolves to {url, close}. `overrides` maps a path
 * (`/pkg/tuixin.js`) to a body served instead of the file.
 */
export function serve(dir, overrides = {}) {
  const root = path.resolve(dir);
  const server = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://127.0.0.1');
      if (Object.hasOwn(overrides, u.pathname)) {
        res.writeHead(200, { 'content-type': TYPES[path.extname(u.pathname)] || 'text/plain', 'cache-control': 'no-store' });
        res.end(overrides[u.pathname]);
        return;
      }
      let file = path.resolve(root, '.' + decodeURIComponent(u.pathname));
      if (!file.startsWith(root)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch (_) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// Payloads that set window.__pwned or open a dialog if anything ever parses them as HTML or
// follows them as URLs.
const P = [
  '<script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=2;alert(2)">',
  '<svg onload="window.__pwned=3"></svg>',
  '<a href="javascript:window.__pwned=4">click</a>',
  '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
  '"><img src=x onerror=window.__pwned=6>',
  'javascript:window.__pwned=7',
];

export const hostile = {
  // A bounce whose every field carries a payload.
  text: [
    'From: "<img src=x onerror=window.__pwned=8>" <MAILER-DAEMON@evil.example>',
    'Subject: Undelivered Mail Returned to Sender <script>window.__pwned=9</script>',
    '',
    'This is the mail system at host mx.evil.example.',
    "I'm sorry to have to inform you that your message could not be delivered.",
    '',
    '<victim' + P[1] + '@qq.com>: host mx3.qq.com[203.0.113.7] said: 550 Mailbox not found. ' + P.join(' ') + ' (in reply to RCPT TO command)',
    '',
    'Final-Recipient: rfc822; ' + P[0] + '@qq.com',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 ' + P.join(' '),
    'Remote-MTA: dns; ' + P[3],
  ].join('\n'),
  // A recipient field.
  recipients: P.map((p, i) => `${p}user${i}@qq.com`).join('; ') + '; "' + P[1] + '" <' + P[6] + '@163.com>',
  // A raw message with an HTML part and a DSN part.
  eml: [
    'From: Mail Delivery System <MAILER-DAEMON@evil.example>',
    'To: someone@163.com',
    'Subject: =?UTF-8?B?' + Buffer.from('<script>window.__pwned=10</script>').toString('base64') + '?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="X"',
    '',
    '--X',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body onload="window.__pwned=11">' + P.join('') + '</body></html>',
    '--X',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; ' + P[2],
    '',
    'Final-Recipient: rfc822; ' + P[5] + '@qq.com',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 ' + P.join(' '),
    '--X--',
    '',
  ].join('\r\n'),
  // A 163 系统退信 as raw bytes in GB18030 (8bit), for the bytes path: 550 User not found.
  gbkEml: Buffer.from(
  'RnJvbTogUG9zdG1hc3RlciA8UG9zdG1hc3RlckAxNjMuY29tPg0KVG86IHNlbmRlci5leGFtcGxlQDE2My5jb20NClN1Ympl' +
  'Y3Q6ID0/R0IyMzEyP0I/ejdYTnM4M0wwTVU9Pz0NCkRhdGU6IFR1ZSwgMjQgTm92IDIwMjYgMDg6MzA6MDAgKzA4MDANCk1l' +
  'c3NhZ2UtSUQ6IDxleGFtcGxlLjE3NjM5NDQyMDBAMTYzc210cDEwPg0KTUlNRS1WZXJzaW9uOiAxLjANCkNvbnRlbnQtVHlw' +
  'ZTogdGV4dC9wbGFpbjsgY2hhcnNldD0iR0IyMzEyIg0KQ29udGVudC1UcmFuc2Zlci1FbmNvZGluZzogOGJpdA0KDQqxp8e4' +
  'o6zE+rXE08q8/rG7zcu72MC0wcuhraGtDQoNCtSt08q8/tDFz6Kjug0KyrGhobzko7oyMDI2LTExLTI0IDA4OjI5OjUxDQrW' +
  '96GhzOKjutbcsagNCsrVvP7Iy6O6bm9ib2R5LmV4YW1wbGVAMTYzLmNvbQ0KDQrNy9DF1K3S8qO6DQrK1bz+yMuyu7Tm1Nqh' +
  'ow0K06LOxMu1w/c6IDU1MCBVc2VyIG5vdCBmb3VuZDogbm9ib2R5LmV4YW1wbGVAMTYzLmNvbQ0KDQq9qNLpveK+9re9sLij' +
  'ug0Kx+vIt8jPytW8/sjLtdjWt8rHt/HV/ci3oaMNCg==',
    'base64',
  ),
};
