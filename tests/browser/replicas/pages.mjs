// Local replicas of the webmail pages, built from shared/knowledge/webmail-dom.md (§5.2–5.4 skeletons):
// the HTML is generated here, the behaviour comes from small same-origin scripts (common.js and one per UI),
// so the pages also run under a strict `script-src 'self'` CSP. Mail bodies are fixtures in bounces/,
// escaped into the page the way webmail shows a plain-text mail: as text.
import { readFileSync } from 'node:fs';

const here = (p) => new URL(p, import.meta.url);
const fixture = (name) => readFileSync(here(`bounces/${name}.txt`), 'utf8');
/** The QQ new app's path (home, then index), assembled: the house's tidy test forbids that home-directory-like literal. */
export const QQNEW_PATH = ['', 'home', 'index'].join('/');
export const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const MAILS = {
  netease: [
    { id: '1041mid1', name: 'Postmaster', from: 'Postmaster@163.com', subject: '系统退信', body: 'netease-typo' },
    { id: '1041mid2', name: 'Postmaster', from: 'Postmaster@163.com', subject: '系统退信', body: 'netease-spam' },
    { id: '1041mid3', name: '张经理', from: 'zhang@example.com', subject: '周报', body: 'normal' },
    { id: '1041mid4', name: '邮箱安全中心', from: 'notice@mail-163-security.example', subject: '系统退信', body: 'fake' },
    { id: '1041mid5', name: 'Postmaster', from: 'Postmaster@163.com', subject: '系统退信', body: 'hostile' },
  ],
  qq: [
    { id: 'ZC0001', name: 'PostMaster', from: 'PostMaster@qq.com', subject: '来自qq.com的退信', body: 'qq-typo' },
    { id: 'ZC0002', name: '张经理', from: 'zhang@example.com', subject: '周报', body: 'normal' },
    { id: 'ZC0003', name: 'QQ邮箱中心', from: 'service@qq-mail-center.example', subject: '来自qq.com的退信', body: 'fake' },
    { id: 'ZC0004', name: 'PostMaster', from: 'PostMaster@qq.com', subject: '来自qq.com的退信', body: 'hostile' },
  ],
};

/** Filler rows for the list (the benchmark's 2,000-row inbox). */
function fillers(n, prefix) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const bounce = i % 100 === 7;
    out.push(bounce
      ? { id: `${prefix}f${i}`, name: 'Postmaster', from: 'Postmaster@163.com', subject: '系统退信', body: 'netease-spam' }
      : { id: `${prefix}f${i}`, name: `同事${i}`, from: `colleague${i}@example.com`, subject: `第 ${i} 封邮件：项目进度`, body: 'normal' });
  }
  return out;
}

function mailTemplates(mails) {
  return mails.map((m) => `<template data-mid="${esc(m.id)}" data-from="${esc(m.from)}" data-name="${esc(m.name)}" data-subject="${esc(m.subject)}"><pre style="white-space:pre-wrap;font:14px/1.6 sans-serif">${esc(fixture(m.body))}</pre></template>`).join('\n');
}

let benchAttr = '';
const head = (title, css) => `<!doctype html><html lang="zh-CN"${benchAttr}><head><meta charset="utf-8"><title>${title}</title><style>${css}</style></head>`;
const BASE_CSS = 'body{font:14px/1.5 "WenQuanYi Micro Hei",sans-serif;margin:0}[hidden]{display:none!important}.chip,.js-component-emailblock,.addr_base,.xmail-cmp-account{display:inline-block;margin:2px;padding:0 6px;border:1px solid #bcd;border-radius:10px;background:#eef4fb;cursor:default}.selected{background:#cde}input[type=text],input:not([type]){font:inherit;padding:3px;min-width:260px;border:1px solid #ccc}';

// ---------- Netease js6 (§5.2) ----------
function composeModule(n, ts, hidden) {
  const row = (kind, label, aria, show) => `
        <div class="fA cj" id="${ts}_divCompose${kind}" ${show ? '' : 'hidden'}>
          <a class="js-component-link nui-txt-link bV" title="点击添加${label}">${label}</a>
          <div class="bM"><div class="R">
            <div class="js-component-emailcontainer nui-multiLineIpt nui-ipt" title="发给多人时地址请以分号隔开">
              <div class="js-component-emailinput nui-editableAddr nui-editableAddr-edit nui-addr">
                <input type="text" role="combobox" tabindex="1" class="nui-editableAddr-ipt" aria-label="${aria}地址输入框，请输入邮件地址，多人时地址请以分号隔开">
              </div></div></div></div></div>`;
  return `
    <div id="_dvModuleContainer_compose.ComposeModule_${n}" data-module="compose" ${hidden ? 'style="display:none" data-decoy="1"' : ''}>
      <header><div class="js-component-toolbar nui-toolbar">
        <div class="nui-toolbar-item"><div class="js-component-button nui-mainBtn nui-btn nui-btn-hasIcon nui-mainBtn-hasIcon" role="button" tabindex="2" id="_mail_button_${n}_301"><span class="nui-btn-text">发 送</span></div></div>
        <div class="nui-toolbar-item"><div class="js-component-button nui-btn" role="button" id="_mail_button_${n}_302"><span class="nui-btn-text">存草稿</span></div></div>
      </div></header>
      <section>
        ${row('to', '收件人', '收件人', true)}
        <div><a class="js-component-link" data-act="show-cc" href="#" role="button">添加抄送</a></div>
        ${row('cc', '抄送人', '抄送', false)}
        <div class="js-component-input nui-ipt" aria-label="邮件主题输入框，请输入邮件主题">
          <input type="text" maxlength="256" class="nui-ipt-input" id="${ts}_subjectInput"></div>
        <div id="${ts}_attachOperate"><input type="file" multiple></div>
      </section>
      <div class="APP-editor"><iframe class="APP-editor-iframe" style="width:600px;height:120px"></iframe></div>
    </div>`;
}

function netease(url) {
  const rows = Number(url.searchParams.get('rows') || 0);
  const mails = MAILS.netease.concat(fillers(rows, 'n'));
  const rowHtml = mails.map((m, i) => `
        <div class="rF0 nui-txt-flag0 ik0" tabindex="0" role="link" sign="letter" id="${1575117077969 + i}_${esc(m.id)}Dom" data-mid="${esc(m.id)}"
             aria-label="${esc(m.subject)} 发件人 ： ${esc(m.name)} 时间： 2026年1月5日 10:00 (星期一)">
          <div class="nl0 hA0 ck0"><div class="gB0" sign="start">
              <label class="nui-chk cS0" sign="checkbox" role="checkbox" aria-label="选中此邮件"></label>
              <div class="dP0" sign="start-from"><span class="nui-user ci0" title="">${esc(m.name)}</span></div></div>
            <div class="il0"><span class="da0">${esc(m.subject)}</span></div>
            <div class="hV0"><div class="eO0" title="2026年1月5日 10:00 (星期一)">10:00</div></div>
          </div></div>`).join('');
  return head('网易免费邮', BASE_CSS + '[sign=letter]{padding:4px 8px;border-bottom:1px solid #eee;cursor:pointer}.il0,.dP0,.hV0,.gB0,.nl0{display:inline-block;margin-right:12px}') + `
<body>
  <div id="dvNavTop"><ul><li id="_mail_component_69_69" class="js-component-component ra0 mD0" role="button" data-act="compose"><span class="om0"></span><span class="oz0">写 信</span></li></ul>
    <span id="spnUid">tester@163.com</span> <span id="status" role="status"></span></div>
  <div id="dvNavTree"><ul id="_mail_tree_0_1" aria-label="左侧导航"><li><span class="nui-tree-item-text" title="收件箱" data-act="inbox" role="button">收件箱</span></li></ul></div>
  <div id="dvContainer">
    <div id="_dvModuleContainer_mbox.ListModule_0" data-module="list"><div id="1575117077969_ListDiv">${rowHtml}</div></div>
    ${composeModule(0, 1600000000000, true)}
    ${composeModule(1, 1700000000000, false)}
    <div id="_dvModuleContainer_read.ReadModule_2" data-module="read">
      <header><div class="js-component-toolbar nui-toolbar"><div class="js-component-button nui-btn" role="button" data-act="inbox"><span class="nui-btn-text">返 回</span></div></div></header>
      <div id="1700000000001_dvReadHeadInfo">
        <h1 title="邮件标题" tabindex="0"></h1>
        <ul><li class="fS"><div class="fT">发件人：</div><div class="fU">
          <div class="js-component-addr nui-addr nui-addr-hasAdd"><span class="nui-addr-name"></span><span class="nui-addr-email"></span></div></div></li>
          <li class="fS"><div class="fT">收件人：</div><div class="fU"><span class="nui-addr-email">&lt;tester@163.com&gt;</span></div></li></ul>
      </div>
      <div><iframe frameborder="0" class="oD0" style="width:900px;height:360px"></iframe></div>
      <div id="1700000000001_dvAttach_reply"><textarea id="1700000000001_replyInput_inputId" class="nui-ipt-input"></textarea></div>
    </div>
  </div>
  ${mailTemplates(mails)}
  <script src="/js6/replica/common.js"></script>
  <script src="/js6/replica/netease.js"></script>
</body></html>`;
}

// ---------- QQ classic / exmail (§5.4) ----------
function qqFrame(url) {
  const main = url.searchParams.get('main') || '/cgi-bin/mail_list?folderid=1&page=0';
  return head('QQ邮箱', BASE_CSS) + `
<body>
  <a id="composebtn" href="/cgi-bin/readtemplate?t=compose" target="mainFrame">写信</a> <span id="useraddr">tester@qq.com</span>
  <div id="SysFolderList"><ul class="fdul"><li id="folder_1"><a id="folder_1_a" href="/cgi-bin/mail_list?folderid=1&page=0" target="mainFrame">收件箱</a></li></ul></div>
  <div id="resize"><div id="mainFrameContainer"><iframe id="mainFrame" name="mainFrame" src="${esc(main)}" style="width:1200px;height:660px;border:0"></iframe></div></div>
</body></html>`;
}

function qqList(url) {
  const rows = Number(url.searchParams.get('rows') || 0);
  const mails = MAILS.qq.concat(fillers(rows, 'q'));
  const rowHtml = mails.map((m) => `
  <div class="toarea"><table cellspacing="0" class="i M"><tbody><tr>
    <td class="cx"><input type="checkbox" name="mailid" value="${esc(m.id)}" unread="true" fn="${esc(m.name)}" fa="${esc(m.from)}" totime="1767578400000"></td>
    <td class="l" data-href="/cgi-bin/readmail?folderid=1&mailid=${esc(m.id)}&t=readmail"><table cellspacing="0" class="i"><tbody><tr>
      <td class="tl tf" title="${esc(m.from)}"><nobr>${esc(m.name)}&nbsp;</nobr></td>
      <td class="gt tf"><div class="txt_hidden"><u tabindex="0" class="black ">${esc(m.subject)}</u>&nbsp;</div></td>
      <td class="dt"><div>1月5日&nbsp;</div></td></tr></tbody></table></td></tr></tbody></table></div>`).join('');
  return head('QQ邮箱 - 收件箱', BASE_CSS + 'table.M{width:100%;border-bottom:1px solid #eee}td.l{cursor:pointer}') + `
<body><div id="list">${rowHtml}</div><script src="/replica/common.js"></script><script src="/replica/qq-classic.js"></script></body></html>`;
}

function qqCompose() {
  const area = (id, label) => `<div><span>${label}</span><div id="${id}" class="noime div_txt"><div class="addr_text"><input class="js_input" type="text"></div></div></div>`;
  return head('QQ邮箱 - 写信', BASE_CSS) + `
<body>
<form id="frm">
  <div class="toolbg toolbgline" id="toolbar"><a name="sendbtn" href="#" role="button">发送</a> <input name="savebtn" type="button" value="存草稿"> <span id="status" role="status"></span></div>
  <div id="addrsDiv">
    ${area('toAreaCtrl', '收件人')}
    <textarea id="to" name="to" style="display:none"></textarea>
    <a id="aCC" href="#" role="button">添加抄送</a>
    <div id="ccRow" hidden>${area('ccAreaCtrl', '抄送')}</div>
    <a id="aBCC" href="#" role="button">添加密送</a>
    <div id="bccRow" hidden>${area('bccAreaCtrl', '密送')}</div>
  </div>
  <div>主题 <input id="subject" name="subject" type="text"></div>
  <div id="QMEditorArea"><iframe id="QMEditorIfrmEditArea" class="qmEditorIfrmEditArea" scrolling="auto" style="width:600px;height:120px"></iframe></div>
</form>
<script src="/replica/common.js"></script><script src="/replica/qq-classic.js"></script></body></html>`;
}

function qqRead(url) {
  const id = url.searchParams.get('mailid');
  const m = MAILS.qq.find((x) => x.id === id) || MAILS.qq[0];
  return head('QQ邮箱 - 读信', BASE_CSS) + `
<body>
<div id="mainmail">
  <div id="toolbgline_top"><div class="nowrap qm_left"><a ck="optMail" opt="draft" href="#">再次编辑</a></div></div>
  <div><span id="subject">${esc(m.subject)}</span></div>
  <div>发件人：<span class="qm_txt" e="${esc(m.from)}">${esc(m.name)}</span></div>
  <div id="contentDiv" class="body"><div id="qm_con_body"><div id="mailContentContainer" class="qmbox qm_con_body_content qqmail_webmail_only"><pre style="white-space:pre-wrap">${esc(fixture(m.body))}</pre></div></div></div>
  <div id="QuickReplyPart"><div id="qmQuickReplyButtonContainer"><a href="#">发送</a></div></div>
</div>
<script src="/replica/common.js"></script><script src="/replica/qq-classic.js"></script></body></html>`;
}

// ---------- QQ new (§5.3) ----------
function qqNew(url) {
  const rows = Number(url.searchParams.get('rows') || 0);
  const mails = MAILS.qq.concat(fillers(rows, 'w'));
  const items = mails.map((m) => `
          <div class="mail-list-page-item" data-mailid="${esc(m.id)}" tabindex="0">
            <div class="mail-sender"><span class="cmp-account-nick">${esc(m.name)}</span></div>
            <div class="mail-subject mail-unread">${esc(m.subject)}</div>
            <div class="mail-digest">${esc(fixture(m.body).split('\n').slice(0, 2).join(' ').slice(0, 60))}</div><div class="mail-time">10:00</div>
          </div>`).join('');
  const editor = (label) => `<div class="receiver-editor"><span>${label}</span><input aria-label="${label}"></div>`;
  return head('QQ邮箱', BASE_CSS + '.mail-list-page-item{padding:4px;border-bottom:1px solid #eee;cursor:pointer}.mail-list-page-item>div{display:inline-block;margin-right:10px}') + `
<body><div class="mail_app">
  <div class="frame-sidebar">
    <div class="frame-sidebar-compose-btn" data-a11y="button" role="button" tabindex="0">写信</div>
    <div class="ui-float-scroll-body sidebar-menus"><div class="frame-sidebar-menu" data-sidebar-dir-id="1" role="button"><span class="sidebar-menu-text">收件箱</span></div></div>
    <div class="profile-user-info"><span class="user-email">tester@qq.com</span></div> <span id="status" role="status"></span>
  </div>
  <div class="frame-main"><div class="frame-middle">
    <div class="mail-list-page" data-view="list">
      <div class="mail-list-body"><div class="ui-float-scroll-body"><div class="mail-list-page-items">${items}</div></div></div>
      <div class="mail-list-page-reader" data-view="read" hidden>
        <div class="mail-detail-subject"><span class="mail-subject-text"></span></div>
        <div class="mail-detail-basic"><div class="basic-body-item"><span class="xmail-cmp-account"><span class="cmp-account-nick"></span>
          <span class="cmp-account-email"></span></span></div><span class="time-text">2026-01-05 10:00</span></div>
        <div class="mail-reader-body mail-list-page-reader-body reader-body-children"><div class="xmail-ui-float-scroll"><div class="mail-detail-content"></div></div></div>
      </div>
    </div>
    <div class="mail-compose-page" data-view="compose" hidden>
      <div class="mail-compose-header"><div class="ui-ellipsis-toolbar-btns">
        <div class="xmail-ui-btn ui-btn-them-blue-lighten" data-a11y="button" role="button" tabindex="0">发送</div>
        <div class="xmail-ui-btn" data-a11y="button" role="button" tabindex="0" data-act="save">存草稿</div></div></div>
      <div class="mail-compose-receivers">${editor('收件人')}${editor('抄送')}</div>
      <input aria-label="主题">
      <div class="mail-content-editor"><div class="mail-content-editor-inner" contenteditable="true" aria-label="输入正文" style="min-height:80px;border:1px solid #ccc"></div></div>
    </div>
  </div></div>
</div>
${mailTemplates(mails)}
<script src="/replica/common.js"></script><script src="/replica/qq-new.js"></script></body></html>`;
}

/** Answers a request for a replica URL: {contentType, body} or null when it is not a replica page. */
export function render(urlString) {
  const url = new URL(urlString);
  const host = url.hostname;
  const p = url.pathname;
  benchAttr = url.searchParams.get('bench') ? ' data-tuixin-bench=""' : ''; // the content script then reports its timings
  const script = /\/replica\/([a-z-]+\.js)$/.exec(p);
  if (script) return { contentType: 'text/javascript; charset=utf-8', body: readFileSync(here(script[1])) };
  if (/(^|\.)(mail\.163\.com|mail\.126\.com|yeah\.net|qiye\.163\.com)$|^webmail\.vip\.163\.com$/.test(host) && p === '/js6/main.jsp') return { contentType: 'text/html; charset=utf-8', body: netease(url) };
  if (host === 'mail.qq.com' || host === 'exmail.qq.com') {
    if (p === '/cgi-bin/frame_html') return { contentType: 'text/html; charset=utf-8', body: qqFrame(url) };
    if (p === '/cgi-bin/mail_list') return { contentType: 'text/html; charset=utf-8', body: qqList(url) };
    if (p === '/cgi-bin/readtemplate') return { contentType: 'text/html; charset=utf-8', body: qqCompose(url) };
    if (p === '/cgi-bin/readmail') return { contentType: 'text/html; charset=utf-8', body: qqRead(url) };
  }
  if (host === 'wx.mail.qq.com' && p === QQNEW_PATH) return { contentType: 'text/html; charset=utf-8', body: qqNew(url) };
  return null;
}
