// QQ Mail classic and Tencent enterprise mail (mail.qq.com, exmail.qq.com): the top document
// frame_html holds iframe#mainFrame (same origin), where compose, the list and reading live
// (webmail-dom.md §2.2, §5.4). The content script runs in every frame (all_frames) and this
// adapter works on whichever document holds the compose form, list or message.
(function () {
  const T = globalThis.tuixin;
  const D = T.dom;
  const FIELD_IDS = { toAreaCtrl: 'to', ccAreaCtrl: 'cc', bccAreaCtrl: 'bcc' };

  T.adapters.push({
    name: 'qq-classic',
    hosts: /^(mail\.qq\.com|exmail\.qq\.com)$/,
    frame: 'any',
    /** The frame_html shell only holds iframe#mainFrame (§2.2): nothing to do there, not even loading the analyzer. */
    idle(doc) {
      return !!doc.querySelector('iframe#mainFrame') && !doc.querySelector('#toAreaCtrl, table.i.M, #mainmail');
    },

    // §2.2: form#frm with #addrsDiv (CONFIRMED).
    composes(doc) {
      const frm = doc.querySelector('form#frm') || (doc.querySelector('#addrsDiv') && doc.body);
      return frm && D.visible(doc.querySelector('#toAreaCtrl')) ? [frm] : [];
    },
    // §2.2: #toAreaCtrl/#ccAreaCtrl/#bccAreaCtrl (CONFIRMED), typing box div.addr_text > input (CONFIRMED).
    fields(compose) {
      const out = [];
      for (const [id, kind] of Object.entries(FIELD_IDS)) {
        const root = compose.querySelector('#' + id);
        if (!root || !D.visible(root)) continue;
        const input = root.querySelector('.addr_text input') || root.querySelector('input[type="text"], input:not([type])');
        if (input) out.push({ kind, root, input });
      }
      return out;
    },
    // §2.2: chip div.addr_base[addr="x@y"] (CONFIRMED: BMail reads getAttribute('addr')).
    chips(field) {
      return [...field.root.querySelectorAll('.addr_base')].map((el) => ({ el, address: (el.getAttribute('addr') || '').trim() || null }));
    },
    removeChip(field, el) {
      D.removeBySelectDelete(el, field.input);
    },
    commit(field, address) {
      D.commitThroughInput(field.input, address);
    },
    // §2.2: a[name="sendbtn"] "发送" in the toolbar (CONFIRMED).
    sendButton(compose) {
      return compose.querySelector('a[name="sendbtn"]') || [...compose.querySelectorAll('#toolbar a')].find((a) => D.buttonIs(a, ['发送', 'Send'])) || null;
    },
    isSend(el) {
      const a = el.closest && (el.closest('a[name="sendbtn"]') || el.closest('#toolbar a, .toolbg a'));
      if (!a || (a.getAttribute('name') !== 'sendbtn' && !D.buttonIs(a, ['发送', 'Send']))) return null;
      return a.closest('form#frm') || a.ownerDocument.body;
    },
    composeOf(el) {
      return el.closest ? el.closest('form#frm') : null;
    },
    editorDocs(compose) {
      return [...compose.querySelectorAll('iframe')].map((f) => { try { return f.contentDocument; } catch (_) { return null; } }).filter(Boolean);
    },

    // §2.2: list rows table.i.M with input[name=mailid] carrying fa (sender address; GUESS for the inbox) and fn;
    // subject in td.gt u (CONFIRMED 2017 replica).
    rowSelector: 'table.i.M',
    readRow(row) {
      const cb = row.querySelector('input[name="mailid"]');
      const subj = row.querySelector('td.gt u') || row.querySelector('td.gt');
      const fa = cb ? (cb.getAttribute('fa') || '').trim() : '';
      const fn = cb ? (cb.getAttribute('fn') || '').trim() : '';
      const nameCell = row.querySelector('td.tl');
      return {
        id: cb ? cb.value : null,
        sender: fn || D.text(nameCell),
        senderAddress: D.looksLikeAddress(fa) ? fa : null,
        subject: D.text(subj),
        digest: '',
        slot: subj && subj.parentElement ? subj.parentElement : row,
      };
    },

    // §2.2: #mainmail; subject #subject; sender span[e] outside the body; body #mailContentContainer (CONFIRMED).
    openMessage(doc) {
      const main = doc.querySelector('#mainmail');
      const body = doc.querySelector('#mailContentContainer');
      if (!main || !body || !D.visible(body)) return null;
      const contentDiv = doc.querySelector('#contentDiv') || body;
      const senderEl = [...main.querySelectorAll('[e]')].find((el) => !contentDiv.contains(el));
      const subjEl = doc.querySelector('#subject');
      const mailid = new URLSearchParams(location.search).get('mailid');
      const subject = D.text(subjEl);
      const readText = () => body.innerText || body.textContent || '';
      return {
        id: mailid || D.hash(subject + readText().slice(0, 300)),
        anchor: contentDiv,
        sender: senderEl ? D.text(senderEl) : '',
        senderAddress: senderEl ? (senderEl.getAttribute('e') || '').trim() || null : null,
        subject,
        get text() { return readText(); },
      };
    },
  });
})();
