// The one i18n path of the extension's own UI: every string here in zh and en, looked up with
// tuixin.t(key, lang). Explanations of findings and bounces come from the analyzer (the core's
// catalogue) in the language asked for; _locales/ holds only what the manifest needs.
// Extension pages fill elements carrying data-i18n="key" with textContent (tuixin.fillI18n).
(function () {
  const T = (globalThis.tuixin = globalThis.tuixin || {});
  const S = {
    zh: {
      brand: '退信助手',
      markError: '这个地址几乎肯定会退信',
      markWarning: '这个地址可能有误',
      markInfo: '提示',
      markBounced: '这个地址以前退过信',
      fixTo: '改为 {0}',
      undo: '撤销',
      fixedTo: '已改为 {0}',
      dismiss: '此地址无误',
      dismissed: '已记住：不再提示 {0}',
      close: '关闭',
      bouncedBefore: '{0} 曾在 {1} 退信：{2}',
      guardTitle: '发送前请检查收件人',
      guardIntro: '下面的收件人几乎肯定会退信：',
      guardBack: '返回修改',
      guardSend: '仍然发送',
      badgeBounce: '退信',
      cardTitle: '退信助手：这封退信说明了什么',
      cardUnknown: '这是一封退信，但没能识别出具体原因。请查看下面的原文里“退信原因”一段。',
      cardWhat: '发生了什么',
      cardSide: '问题在哪一方',
      cardRetry: '要不要重试',
      cardTodo: '怎么办',
      cardRecipients: '失败的收件人',
      retryYes: '这是暂时的问题，稍后（几分钟到几小时后）重试可能成功。',
      retryNo: '重试没有用，要先解决问题。',
      addrOk: '地址格式没有问题',
      addrFix: '地址可能写错了，应为 {0}',
      copyFix: '复制正确地址',
      copied: '已复制',
      codeLabel: '代码',
      cardDiag: '服务器原话',
      cautionTitle: '小心：这封信看起来像退信，但不是邮件服务商的系统发出的',
      cautionBody: '真正的退信来自发件服务商的 Postmaster 或 MAILER-DAEMON。不要点击其中的链接，不要输入密码，也不要下载附件。',
      fault_recipient_address: '收件人地址（地址写错了或不存在）',
      fault_recipient_mailbox: '收件人的邮箱（满了、被冻结或停用）',
      fault_recipient_policy: '收件方服务器的规则（拦截、黑名单、限制）',
      fault_sender_content: '你发送的内容（被当成垃圾邮件、附件太大等）',
      fault_sender_account: '你的邮箱账号（被限制或发信太多）',
      fault_sender_server: '你的邮件服务器（配置或信誉问题）',
      fault_network: '网络或服务器之间的连接',
      popupTitle: '解释退信',
      popupPaste: '把退信内容（或其中的错误代码）粘贴到这里：',
      popupExplain: '解释',
      popupNotBounce: '没有识别出退信。',
      popupSite: '在 {0} 上启用退信助手',
      popupNoSite: '当前页面不是支持的网页邮箱。',
      popupOptions: '设置与记录',
      popupAnalyzerFailed: '分析器加载失败。',
      optTitle: '退信助手设置',
      optLang: '界面语言',
      optLangAuto: '跟随浏览器',
      optMemory: '退信记录',
      optMemoryEmpty: '还没有记录。',
      optClear: '清空退信记录',
      optAllow: '标为“无误”的地址',
      optAllowEmpty: '没有。',
      optRemove: '删除',
      optDisabled: '已停用的网站',
      optDisabledEmpty: '没有。',
      optPrivacy: '退信助手只在本机运行：不发出任何网络请求，不上传邮件、地址或设置，也没有任何统计分析。',
      colAddress: '地址',
      colReason: '原因',
      colDate: '日期',
    },
    en: {
      brand: 'tuixin',
      markError: 'This address will almost surely bounce',
      markWarning: 'This address is probably wrong',
      markInfo: 'Note',
      markBounced: 'Mail to this address bounced before',
      fixTo: 'Change to {0}',
      undo: 'Undo',
      fixedTo: 'Changed to {0}',
      dismiss: 'This address is right',
      dismissed: 'Remembered: no more warnings for {0}',
      close: 'Close',
      bouncedBefore: '{0} bounced on {1}: {2}',
      guardTitle: 'Check the recipients before sending',
      guardIntro: 'These recipients will almost surely bounce:',
      guardBack: 'Go back and fix',
      guardSend: 'Send anyway',
      badgeBounce: 'Bounce',
      cardTitle: 'tuixin: what this bounce means',
      cardUnknown: 'This is a bounce, but its reason was not recognised. See the “bounce reason” part of the message below.',
      cardWhat: 'What happened',
      cardSide: 'Whose side',
      cardRetry: 'Retry?',
      cardTodo: 'What to do',
      cardRecipients: 'Failed recipients',
      retryYes: 'This is temporary: retrying later (minutes to hours) may work.',
      retryNo: 'Retrying will not help until the problem is solved.',
      addrOk: 'The address looks well-formed',
      addrFix: 'The address looks mistyped; probably {0}',
      copyFix: 'Copy the corrected address',
      copied: 'Copied',
      codeLabel: 'Code',
      cardDiag: 'Server said',
      cautionTitle: 'Caution: this looks like a bounce but was not sent by the mail provider',
      cautionBody: 'Real bounces come from your provider’s Postmaster or MAILER-DAEMON. Do not click its links, enter a password or open attachments.',
      fault_recipient_address: 'The recipient address (mistyped or does not exist)',
      fault_recipient_mailbox: 'The recipient’s mailbox (full, frozen or disabled)',
      fault_recipient_policy: 'The receiving server’s rules (blocking, blacklists, limits)',
      fault_sender_content: 'What you sent (taken for spam, too large ...)',
      fault_sender_account: 'Your mail account (restricted or sending too much)',
      fault_sender_server: 'Your mail server (configuration or reputation)',
      fault_network: 'The network or the connection between servers',
      popupTitle: 'Explain a bounce',
      popupPaste: 'Paste the bounce (or just its error code) here:',
      popupExplain: 'Explain',
      popupNotBounce: 'No bounce recognised.',
      popupSite: 'Enable tuixin on {0}',
      popupNoSite: 'This page is not a supported webmail.',
      popupOptions: 'Settings and history',
      popupAnalyzerFailed: 'The analyzer failed to load.',
      optTitle: 'tuixin settings',
      optLang: 'Language',
      optLangAuto: 'Follow the browser',
      optMemory: 'Remembered bounces',
      optMemoryEmpty: 'Nothing remembered yet.',
      optClear: 'Clear remembered bounces',
      optAllow: 'Addresses marked as right',
      optAllowEmpty: 'None.',
      optRemove: 'Remove',
      optDisabled: 'Sites where it is off',
      optDisabledEmpty: 'None.',
      optPrivacy: 'tuixin runs only on your computer: it makes no network request, uploads no mail, address or setting, and has no analytics.',
      colAddress: 'Address',
      colReason: 'Reason',
      colDate: 'Date',
    },
  };

  /** The language to use: the option ('zh' | 'en'), or the browser's when the option is 'auto'. */
  T.pickLang = function (option) {
    if (option === 'zh' || option === 'en') return option;
    const ui = (globalThis.chrome && chrome.i18n && chrome.i18n.getUILanguage && chrome.i18n.getUILanguage()) || navigator.language || 'zh';
    return /^zh/i.test(ui) ? 'zh' : 'en';
  };

  T.t = function (key, lang, ...args) {
    const table = S[lang] || S.zh;
    const s = table[key] !== undefined ? table[key] : S.zh[key] !== undefined ? S.zh[key] : key;
    return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] !== undefined ? args[Number(i)] : ''));
  };

  /** Fills every [data-i18n] element under root with its string, as text. */
  T.fillI18n = function (root, lang) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = T.t(el.getAttribute('data-i18n'), lang);
    if (root.documentElement) root.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  };

  /** Settings with their defaults; storage keys are listed here once. */
  T.KEYS = { settings: 'settings', allow: 'allowlist', bounces: 'bounces' };
  T.DEFAULT_SETTINGS = { lang: 'auto', disabledSites: [] };
  T.MAX_BOUNCES = 500;
})();
