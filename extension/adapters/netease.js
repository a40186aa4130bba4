// Netease "js6" webmail (Coremail): mail.163.com, mail.126.com, mail.yeah.net, *.qiye.163.com,
// webmail.vip.163.com. Everything is in the top document except the body editor and the reading
// body, which are same-origin iframes without src (webmail-dom.md §0, §1.3, §1.4).
// Generated ids (`_mail_emailinput_0_374`, `1526019971548_subjectInput`) are only ever matched by
// prefix or suffix (§1.2).
(function () {
  const T = globalThis.tuixin;
  const D = T.dom;

  T.adapters.push({
    name: 'netease',
    hosts: /(^|\.)(mail\.163\.com|mail\.126\.com|yeah\.net|qiye\.163\.com)$|^webmail\.vip\.163\.com$/,
    frame: 'top',

    // §1.2: one container per open module; hidden leftover compose modules stay in the DOM.
    composes(doc) {
      return [...doc.querySelectorAll('[id^="_dvModuleContainer_compose.ComposeModule"]')].filter(D.visible);
    },

    // §1.3: div.js-component-emailcontainer (LIKELY) holding chips and input.nui-editableAddr-ipt (CONFIRMED);
    // the kind comes from the input's aria-label ("收件人地址输入框…" / "抄送…" / "密送…").
    fields(compose) {
      const out = [];
      for (const input of compose.querySelectorAll('input.nui-editableAddr-ipt')) {
        const root = input.closest('.js-component-emailcontainer') || input.closest('.nui-multiLineIpt') || input.parentElement;
        if (!D.visible(root)) continue;
        out.push({ kind: D.kindOf(input.getAttribute('aria-label')), root, input });
      }
      return out;
    },

    // §1.3: chip = .js-component-emailblock (CONFIRMED) with .nui-addr-email "<x@y>" (CONFIRMED); title (GUESS) as fallback.
    chips(field) {
      return [...field.root.querySelectorAll('.js-component-emailblock')].map((el) => {
        const email = el.querySelector('.nui-addr-email');
        let address = email ? D.bare(D.text(email)) : '';
        if (!address) address = D.bare(el.getAttribute('title') || '');
        return { el, address: address || null };
      });
    },
    removeChip(field, el) {
      D.removeBySelectDelete(el, field.input);
    },
    commit(field, address) {
      D.commitThroughInput(field.input, address);
    },

    // §1.3: toolbar div.js-component-button > span.nui-btn-text "发 送" (CONFIRMED).
    sendButton(compose) {
      return [...compose.querySelectorAll('.js-component-toolbar .js-component-button')].find((b) => D.buttonIs(b, ['发送', 'Send'])) || null;
    },
    isSend(el) {
      const btn = el.closest && el.closest('.js-component-button');
      if (!btn || !D.buttonIs(btn, ['发送', 'Send']) || !btn.closest('.js-component-toolbar')) return null;
      return btn.closest('[id^="_dvModuleContainer_compose.ComposeModule"]');
    },
    composeOf(el) {
      return el.closest ? el.closest('[id^="_dvModuleContainer_compose.ComposeModule"]') : null;
    },
    editorDocs(compose) {
      return [...compose.querySelectorAll('iframe')].map((f) => { try { return f.contentDocument; } catch (_) { return null; } }).filter(Boolean);
    },

    // §1.5: div[sign="letter"][role="link"] (CONFIRMED 2019–2026); subject span.da0, sender .nui-user;
    // aria-label "<subject> 发件人 ： <name> 时间： …" as the fallback.
    rowSelector: 'div[sign="letter"]',
    readRow(row) {
      const subjectEl = row.querySelector('.da0');
      const label = row.getAttribute('aria-label') || '';
      const m = /^(.*?)\s*发件人\s*[:：]\s*(.*?)\s*时间\s*[:：]/.exec(label);
      const user = row.querySelector('.nui-user');
      const sender = user ? D.text(user) : m ? m[2] : '';
      const title = user ? user.getAttribute('title') || '' : '';
      const id = (row.id || '').replace(/^\d+_/, '').replace(/Dom$/, '');
      return {
        id: id || null,
        sender,
        senderAddress: D.looksLikeAddress(title) ? title : D.looksLikeAddress(sender) ? sender : null,
        subject: subjectEl ? D.text(subjectEl) : m ? m[1] : '',
        digest: '',
        slot: subjectEl ? subjectEl.parentElement : row,
      };
    },

    // §1.4: the read module; header h1[title="邮件标题"] and the 发件人 row's .nui-addr-email (LIKELY/CONFIRMED);
    // the body is the module's same-origin iframe → #content.netease_mail_readhtml (CONFIRMED). The header is
    // never read from inside the body (a mail can imitate the UI).
    openMessage(doc) {
      const mod = [...doc.querySelectorAll('[id^="_dvModuleContainer_read.ReadModule"]')].filter(D.visible).pop();
      if (!mod) return null;
      const frame = [...mod.querySelectorAll('iframe')].find((f) => !f.closest('[id$="_dvAttach_reply"]'));
      if (!frame) return null;
      let body;
      try { body = frame.contentDocument; } catch (_) { return null; }
      if (!body || !body.body) return null;
      const content = body.querySelector('#content') || body.body;
      const h1 = mod.querySelector('h1[title="邮件标题"]') || mod.querySelector('h1');
      let senderEl = null;
      for (const li of mod.querySelectorAll('li')) {
        if (/发件人|From/.test(D.text(li.querySelector('.fT') || li).slice(0, 8))) { senderEl = li.querySelector('.nui-addr-email'); if (senderEl) break; }
      }
      if (!senderEl) senderEl = mod.querySelector('.nui-addr-email');
      const nameEl = senderEl && senderEl.parentElement ? senderEl.parentElement.querySelector('.nui-addr-name') : null;
      const hashId = /"id"\s*:\s*"([^"]+)"/.exec(decodeURIComponent(location.hash || ''));
      const subject = h1 ? D.text(h1) : '';
      const readText = () => content.innerText || content.textContent || '';
      return {
        id: hashId ? hashId[1] : D.hash(subject + readText().slice(0, 300)),
        anchor: frame.parentElement && frame.parentElement !== mod ? frame.parentElement : frame,
        sender: nameEl ? D.text(nameEl) : '',
        senderAddress: senderEl ? D.bare(D.text(senderEl)) : null,
        subject,
        get text() { return readText(); }, // read only when the message is new (innerText lays out)
      };
    },
  });
})();
