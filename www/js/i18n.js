// The page's own words (buttons, headings, labels) in zh-CN and en. Explanations of codes,
// findings and bounces are NOT here: they come from the analyzer core through the wasm.

const STRINGS = {
  zh: {
    'site.title': '退信助手',
    'site.tagline': '发信前检查收件人，收到退信时看懂原因。全部在本页本地运行，输入的内容不会离开你的电脑。',
    'nav.check': '检查收件人',
    'nav.explain': '解读退信',
    'nav.codes': '退信代码手册',
    'nav.install': '安装扩展',
    'nav.home': '首页',
    'nav.label': '栏目',
    'lang.label': '语言',
    'skip': '跳到主要内容',
    'loading': '正在加载分析器……',
    'load.failed': '分析器加载失败：',

    'check.title': '检查收件人',
    'check.intro': '输入或粘贴收件人（可以是一整串，用分号、逗号或换行分隔）。每个地址下面会列出问题，点按钮即可改正。',
    'check.label': '收件人',
    'check.placeholder': '例如：zhangsan@qq.com; 李四 <lisi@163.com>',
    'check.examples': '试试这些例子：',
    'check.ex.fullwidth': '全角 ＠',
    'check.ex.qqcon': 'qq.con',
    'check.ex.136': '136.com',
    'check.ex.shortqq': '太短的 QQ 号',
    'check.ex.list': '用“；”分隔的名单',
    'check.ok': '没发现问题',
    'check.fixall': '全部改正',
    'check.fixField': '改成这样',
    'check.fix': '改为 {}',
    'check.fixed': '已改为 {}',
    'check.none': '还没有收件人。',
    'check.field': '整个收件人栏',
    'check.count': '{} 个收件人',
    'check.nError': '{} 个会被退信',
    'check.nWarning': '{} 个可能有误',
    'check.sep': '，',

    'verdict.ok': '正常',
    'verdict.info': '提示',
    'verdict.warning': '可能有误',
    'verdict.error': '会被退信',

    'explain.title': '解读退信',
    'explain.intro': '粘贴网页邮箱里看到的退信内容、整封原始邮件（.eml 源码），或者只是一行 SMTP 回复；也可以把 .eml 文件拖到下面的框里。',
    'explain.label': '退信内容',
    'explain.placeholder': '例如：550 Mailbox not found. 或整封“系统退信”邮件',
    'explain.file': '打开 .eml 文件',
    'explain.drop': '把 .eml 文件拖到这里',
    'explain.clear': '清空',
    'explain.examples': '示例退信：',
    'explain.ex.163': '163 系统退信',
    'explain.ex.qq': 'QQ 邮箱退信',
    'explain.ex.gmail': 'Gmail 退信',
    'explain.ex.outlook': 'Outlook 退信',
    'explain.ex.reply': '只有一行 SMTP 回复',
    'explain.fileread': '已读取文件 {}（{} 字节）',
    'explain.toobig': '文件 {} 太大（超过 {} MB），不像是一封退信。',
    'explain.notbounce': '这看起来不是退信。',
    'explain.norecipients': '认出了退信，但没找到失败的收件人或原因。',
    'explain.suspicious': '小心：这封信看起来像退信，但可能不是邮件系统发出的。不要点击里面的链接，也不要在其中输入密码。',
    'explain.kind': '类型',
    'explain.generatedBy': '退信方',
    'explain.recipient': '收件人',
    'explain.what': '发生了什么',
    'explain.whose': '问题在哪一方',
    'explain.retry': '重试有用吗',
    'explain.retry.yes': '是临时问题：稍后重发很可能成功。',
    'explain.retry.no': '不是临时问题：原样重发不会成功，需要先解决原因。',
    'explain.hard': '（硬退信：这个地址本身收不到邮件）',
    'explain.todo': '怎么办',
    'explain.addrcheck': '地址检查',
    'explain.details': '技术细节',
    'explain.reason': '原因分类',
    'explain.status': '增强状态码',
    'explain.reply': 'SMTP 回复码',
    'explain.pcode': '服务商代码',
    'explain.host': '对方服务器',
    'explain.action': '动作',
    'explain.diagnostic': '原始说明',
    'explain.copy': '复制 {}',
    'explain.copied': '已复制',
    'explain.incodebook': '在代码手册中查看',

    'kind.dsn': '标准退信报告（RFC 3464）',
    'kind.notice': '退信通知',
    'kind.smtp_reply': 'SMTP 回复',
    'kind.feedback': '投诉报告（不是退信）',
    'kind.auto_reply': '自动回复（不是退信）',
    'kind.not_bounce': '不是退信',

    'fault.recipient_address': '收件人地址有误',
    'fault.recipient_mailbox': '收件人邮箱的状态',
    'fault.recipient_policy': '收件方服务器的策略',
    'fault.sender_content': '邮件内容',
    'fault.sender_account': '发件人账号',
    'fault.sender_server': '发件方服务器或域名配置',
    'fault.network': '网络或投递链路',

    'codes.title': '退信代码手册',
    'codes.intro': '分析器认识的每一个服务商代码和退信原因：网易的标签（如 DT:SPM）、腾讯的英文提示，Gmail、Outlook、Yahoo 等服务商的回复，以及 RFC 3463 增强状态码。每条都可以直接链接，例如 codes.html#DT:SPM。',
    'codes.search': '搜索代码、原因或说明',
    'codes.searchPlaceholder': '例如 DT:SPM、frequency、5.1.1、垃圾邮件',
    'codes.count': '显示 {} / {} 条',
    'codes.none': '没有匹配的条目。',
    'codes.unavailable': '这个版本的分析器还没有提供代码手册。',
    'codes.providers': '服务商代码',
    'codes.reasons': '退信原因',
    'codes.statuses': 'RFC 3463 状态码',
    'codes.temporary': '临时：稍后重试可能成功',
    'codes.permanent': '永久：重试不会成功',
    'codes.hard': '硬退信',
    'codes.generic': '邮件服务器软件的通用措辞',
    'codes.whose': '问题在哪一方：',
    'codes.replies': '回复码：',
    'codes.reason': '原因：',
    'codes.source': '来源：',
    'codes.sample': '示例：',
    'codes.todo': '怎么办',
    'codes.link': '链接到这一条',
    'codes.all': '全部',
    'codes.provider': '服务商',

    'install.title': '安装浏览器扩展',
    'install.intro': '扩展把同一个分析器放进网易邮箱（163、126、yeah.net、网易企业邮箱）和 QQ 邮箱（QQ、Foxmail、腾讯企业邮箱）的网页里：',
    'install.f1': '写信时检查收件人、抄送、密送里的每一个地址，在有问题的地址上做标记，给出一键改正；发送前若还有几乎肯定会退信的地址，会先问你一句。',
    'install.f2': '在收件箱里认出退信，打开时在上方显示解释卡片：发生了什么、问题在哪一方、要不要重试、该怎么做。',
    'install.f3': '记住退过信的地址，下次再写给它时提醒你。',
    'install.f4': '全部在本地运行：不联网，不上传任何邮件内容、地址或设置；只申请这些邮箱网站的权限。',
    'install.chrome': 'Chrome、Edge（以及 360、QQ 浏览器等 Chromium 浏览器）',
    'install.chrome1': '取得扩展：下载并解压 tuixin-chromium.zip，或在源码目录运行 make，得到 dist/extension 文件夹。',
    'install.chrome2': '在地址栏打开 chrome://extensions（Edge 为 edge://extensions）。',
    'install.chrome3': '打开右上角（Edge 为左侧）的“开发者模式”。',
    'install.chrome4': '点“加载已解压的扩展程序”，选择解压出的文件夹（或 dist/extension）。',
    'install.chrome5': '打开或刷新网页邮箱即可使用。',
    'install.firefox': 'Firefox',
    'install.firefox1': '在地址栏打开 about:debugging#/runtime/this-firefox。',
    'install.firefox2': '点“临时载入附加组件”，选择 tuixin-firefox.zip，或 dist/extension 文件夹里的 manifest.json。',
    'install.firefox3': '临时载入的组件在 Firefox 重启后会被移除；长期使用请安装签名后的版本。',
    'install.shots': '截图',
    'install.dlChromium': '下载 Chrome / Edge 版（tuixin-chromium.zip）',
    'install.dlFirefox': '下载 Firefox 版（tuixin-firefox.zip）',
    'shot.compose-warning': '写信时：有问题的收件人被标出，附原因和一键改正（163 邮箱）',
    'shot.bounce-card': '收件箱里：打开退信时上方的解释卡片（163 系统退信）',

    'footer.local': '退信助手：所有分析都在你的浏览器里完成，本页不加载任何外部资源。',
  },
  en: {
    'site.title': 'tuixin — bounce helper',
    'site.tagline': 'Check recipients before you send, and understand a bounce when it comes back. Everything runs locally in this page: nothing you type leaves your computer.',
    'nav.check': 'Check recipients',
    'nav.explain': 'Explain a bounce',
    'nav.codes': 'Code book',
    'nav.install': 'Install the extension',
    'nav.home': 'Home',
    'nav.label': 'Sections',
    'lang.label': 'Language',
    'skip': 'Skip to main content',
    'loading': 'Loading the analyzer…',
    'load.failed': 'The analyzer failed to load: ',

    'check.title': 'Check recipients',
    'check.intro': 'Type or paste recipients (a whole list is fine, separated by semicolons, commas or new lines). Problems are listed under each address, with a button that fixes them.',
    'check.label': 'Recipients',
    'check.placeholder': 'e.g. zhangsan@qq.com; Li Si <lisi@163.com>',
    'check.examples': 'Try these:',
    'check.ex.fullwidth': 'full-width ＠',
    'check.ex.qqcon': 'qq.con',
    'check.ex.136': '136.com',
    'check.ex.shortqq': 'a QQ number too short',
    'check.ex.list': 'a list split with “；”',
    'check.ok': 'No problem found',
    'check.fixall': 'Fix all',
    'check.fixField': 'Change the field to',
    'check.fix': 'Change to {}',
    'check.fixed': 'Changed to {}',
    'check.none': 'No recipients yet.',
    'check.field': 'The whole field',
    'check.count': '{} recipient(s)',
    'check.nError': '{} will bounce',
    'check.nWarning': '{} probably wrong',
    'check.sep': ', ',

    'verdict.ok': 'OK',
    'verdict.info': 'Note',
    'verdict.warning': 'Probably wrong',
    'verdict.error': 'Will bounce',

    'explain.title': 'Explain a bounce',
    'explain.intro': 'Paste a bounce as your webmail shows it, a whole raw message (.eml source), or just an SMTP reply line; or drop an .eml file on the box below.',
    'explain.label': 'Bounce text',
    'explain.placeholder': 'e.g. 550 Mailbox not found. or a whole “Undeliverable” message',
    'explain.file': 'Open an .eml file',
    'explain.drop': 'Drop an .eml file here',
    'explain.clear': 'Clear',
    'explain.examples': 'Example bounces:',
    'explain.ex.163': '163 bounce',
    'explain.ex.qq': 'QQ Mail bounce',
    'explain.ex.gmail': 'Gmail bounce',
    'explain.ex.outlook': 'Outlook bounce',
    'explain.ex.reply': 'just an SMTP reply',
    'explain.fileread': 'Read file {} ({} bytes)',
    'explain.toobig': 'The file {} is too large (over {} MB) to be a bounce.',
    'explain.notbounce': 'This does not look like a bounce.',
    'explain.norecipients': 'This is a bounce, but no failed recipient or reason could be found in it.',
    'explain.suspicious': 'Careful: this looks like a bounce but may not come from a mail system. Do not click its links or enter a password in it.',
    'explain.kind': 'Kind',
    'explain.generatedBy': 'Reported by',
    'explain.recipient': 'Recipient',
    'explain.what': 'What happened',
    'explain.whose': 'Whose side',
    'explain.retry': 'Will retrying help?',
    'explain.retry.yes': 'Temporary: resending later will likely work.',
    'explain.retry.no': 'Not temporary: resending as is will not work until the cause is fixed.',
    'explain.hard': ' (hard bounce: this address cannot receive mail)',
    'explain.todo': 'What to do',
    'explain.addrcheck': 'Address check',
    'explain.details': 'Technical details',
    'explain.reason': 'Reason',
    'explain.status': 'Enhanced status',
    'explain.reply': 'SMTP reply',
    'explain.pcode': 'Provider code',
    'explain.host': 'Remote server',
    'explain.action': 'Action',
    'explain.diagnostic': 'Original text',
    'explain.copy': 'Copy {}',
    'explain.copied': 'Copied',
    'explain.incodebook': 'See it in the code book',

    'kind.dsn': 'Delivery status notification (RFC 3464)',
    'kind.notice': 'Bounce notice',
    'kind.smtp_reply': 'SMTP reply',
    'kind.feedback': 'Complaint report (not a bounce)',
    'kind.auto_reply': 'Auto-reply (not a bounce)',
    'kind.not_bounce': 'Not a bounce',

    'fault.recipient_address': 'the recipient address is wrong',
    'fault.recipient_mailbox': "the recipient's mailbox",
    'fault.recipient_policy': "the receiving server's policy",
    'fault.sender_content': 'the message content',
    'fault.sender_account': "the sender's account",
    'fault.sender_server': 'the sending server or domain setup',
    'fault.network': 'the network between the servers',

    'codes.title': 'Code book',
    'codes.intro': 'Every provider code and bounce reason the analyzer knows: Netease tags (such as DT:SPM), Tencent texts, the replies of Gmail, Outlook, Yahoo and others, and the RFC 3463 enhanced status codes. Every entry can be linked, e.g. codes.html#DT:SPM.',
    'codes.search': 'Search codes, reasons or explanations',
    'codes.searchPlaceholder': 'e.g. DT:SPM, frequency, 5.1.1, spam',
    'codes.count': 'Showing {} of {}',
    'codes.none': 'No entry matches.',
    'codes.unavailable': 'This build of the analyzer does not provide the code book yet.',
    'codes.providers': 'Provider codes',
    'codes.reasons': 'Bounce reasons',
    'codes.statuses': 'RFC 3463 statuses',
    'codes.temporary': 'Temporary: a later retry may work',
    'codes.permanent': 'Permanent: retrying will not work',
    'codes.hard': 'hard bounce',
    'codes.generic': "a mail server's standard wording",
    'codes.whose': 'Whose side: ',
    'codes.replies': 'Replies: ',
    'codes.reason': 'Reason: ',
    'codes.source': 'Source: ',
    'codes.sample': 'Example: ',
    'codes.todo': 'What to do',
    'codes.link': 'Link to this entry',
    'codes.all': 'All',
    'codes.provider': 'Provider',

    'install.title': 'Install the browser extension',
    'install.intro': 'The extension puts the same analyzer into the web pages of Netease Mail (163, 126, yeah.net, Netease enterprise mail) and QQ Mail (QQ, Foxmail, Tencent exmail):',
    'install.f1': 'While you compose, it checks every address in To, Cc and Bcc, marks suspicious ones in place and offers a one-click fix; before sending it asks when an address will almost surely bounce.',
    'install.f2': 'In the inbox it recognises bounces and, when you open one, shows a card above it: what happened, whose side the problem is on, whether to retry, and what to do.',
    'install.f3': 'It remembers addresses that bounced and reminds you when you write to them again.',
    'install.f4': 'Everything runs locally: no network access, no mail content, address or setting leaves the browser; it asks for access to those webmail sites only.',
    'install.chrome': 'Chrome, Edge (and other Chromium browsers)',
    'install.chrome1': 'Get the extension: download and unzip tuixin-chromium.zip, or run make in the source tree to get the folder dist/extension.',
    'install.chrome2': 'Open chrome://extensions (edge://extensions in Edge).',
    'install.chrome3': 'Turn on “Developer mode” (top right; on the left in Edge).',
    'install.chrome4': 'Click “Load unpacked” and choose the unzipped folder (or dist/extension).',
    'install.chrome5': 'Open or reload your webmail.',
    'install.firefox': 'Firefox',
    'install.firefox1': 'Open about:debugging#/runtime/this-firefox.',
    'install.firefox2': 'Click “Load Temporary Add-on…” and choose tuixin-firefox.zip, or manifest.json in the folder dist/extension.',
    'install.firefox3': 'A temporary add-on is removed when Firefox restarts; for lasting use install a signed build.',
    'install.shots': 'Screenshots',
    'install.dlChromium': 'Download for Chrome / Edge (tuixin-chromium.zip)',
    'install.dlFirefox': 'Download for Firefox (tuixin-firefox.zip)',
    'shot.compose-warning': 'Composing: a suspicious recipient marked, with the reason and a one-click fix (163 Mail)',
    'shot.bounce-card': 'Inbox: the explanation card above an opened bounce (163 系统退信)',

    'footer.local': 'tuixin: all analysis happens in your browser; this page loads no external resource.',
  },
};

const KEY = 'tuixin.lang';
const listeners = [];

function initialLang() {
  const param = new URLSearchParams(location.search).get('lang');
  if (param === 'zh' || param === 'en') return param;
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch (_) {
    /* storage may be disabled */
  }
  const nav = (navigator.languages && navigator.languages[0]) || navigator.language || 'zh';
  return nav.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current = initialLang();

/** The current language, `zh` or `en`. */
export function lang() {
  return current;
}

/** A UI string; `{}` placeholders are filled in order from `args`. */
export function t(key, ...args) {
  let s = STRINGS[current][key] ?? STRINGS.zh[key] ?? key;
  for (const a of args) s = s.replace('{}', () => String(a));
  return s;
}

/** Whether a UI string exists (used for optional labels such as `kind.*`). */
export function has(key) {
  return key in STRINGS[current];
}

/** Fills every `[data-i18n]` element (textContent), `[data-i18n-placeholder]` and `[data-i18n-aria]`. */
export function applyStatic(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  for (const b of root.querySelectorAll('button[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === current));
  const title = document.querySelector('title[data-i18n-title]');
  if (title) document.title = t(title.dataset.i18nTitle);
}

/** Switches the language, remembers it, refreshes static text and tells every listener. */
export function setLang(next) {
  if (next !== 'zh' && next !== 'en') return;
  current = next;
  try {
    localStorage.setItem(KEY, next);
  } catch (_) {
    /* ignore */
  }
  applyStatic();
  for (const fn of listeners) fn(next);
}

/** Calls `fn(lang)` after every language switch. */
export function onLangChange(fn) {
  listeners.push(fn);
}

/** Wires the `button[data-lang]` switches and fills the static text once. */
export function setupLangSwitch() {
  for (const b of document.querySelectorAll('button[data-lang]')) b.addEventListener('click', () => setLang(b.dataset.lang));
  applyStatic();
}
