// The new QQ Mail UI (wx.mail.qq.com): a React app in the top document (webmail-dom.md §2.1, §5.3).
// Its chips often show only a nickname (§0 risk 2): the address is read from the chip's attributes
// or an email child where present, else from the text the user typed before it was committed;
// a chip whose address cannot be read is left alone (nothing is said rather than guessed).
(function () {
  const T = globalThis.tuixin;
  const D = T.dom;
  /** Addresses typed just before a commit, waiting for their chip to appear: input → [address]. */
  const pending = new WeakMap();
  /** chip element → address learnt when it appeared. */
  const learnt = new WeakMap();

  function chipAddress(el) {
    for (const a of ['data-email', 'data-address', 'email', 'addr', 'title']) {
      const v = D.bare(el.getAttribute(a) || '');
      if (D.looksLikeAddress(v)) return v;
    }
    const email = el.querySelector('.cmp-account-email, [class*="email"]');
    if (email && D.looksLikeAddress(D.bare(D.text(email)))) return D.bare(D.text(email));
    const nick = D.text(el.querySelector('.cmp-account-nick') || el);
    if (D.looksLikeAddress(nick)) return nick;
    return learnt.get(el) || null;
  }

  T.adapters.push({
    name: 'qq-new',
    hosts: /^wx\.mail\.qq\.com$/,
    frame: 'top',

    // §2.1: .mail-compose-page (CONFIRMED 2024-11..2026).
    composes(doc) {
      return [...doc.querySelectorAll('.mail-compose-page')].filter(D.visible);
    },
    // §2.1: .receiver-editor with input[aria-label="收件人"|"To"] (CONFIRMED); Cc/Bcc rows UNKNOWN, assumed alike.
    fields(compose) {
      const out = [];
      for (const root of compose.querySelectorAll('.receiver-editor')) {
        if (!D.visible(root)) continue;
        const input = root.querySelector('input');
        if (!input) continue;
        out.push({ kind: D.kindOf(input.getAttribute('aria-label')), root, input });
        this.watchCommits(root, input);
      }
      return out;
    },
    /** Remembers what was typed when Enter/;/blur commits it, to learn the address of the nickname chip. */
    watchCommits(root, input) {
      if (input.__tuixinCommit) return;
      input.__tuixinCommit = true;
      const note = () => {
        const v = input.value.trim();
        if (!v) return;
        const list = pending.get(root) || [];
        for (const part of v.split(/[;,；，\s]+/)) if (part) list.push(part);
        pending.set(root, list);
      };
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ';' || e.key === ',') note(); }, true);
      input.addEventListener('blur', note, true);
    },
    // §2.1: chips .xmail-cmp-account (CONFIRMED) with .cmp-account-nick (CONFIRMED), overflow in .cmp-hide-accounts.
    chips(field) {
      const els = [...field.root.querySelectorAll('.xmail-cmp-account')];
      const waiting = pending.get(field.root) || [];
      for (const el of els) {
        if (!learnt.has(el) && !chipAddress(el) && waiting.length) learnt.set(el, waiting.shift());
        if (!learnt.has(el) && !chipAddress(el)) this.watchCard(el);
      }
      if (waiting.length && !els.some((el) => !learnt.has(el))) waiting.length = 0;
      return els.map((el) => ({ el, address: chipAddress(el) }));
    },
    /**
     * A chip added from the address book was never typed: its address shows only in the contact card
     * the UI renders on hover (.xmail-cmp-contact-card .cmp-basic-email, CONFIRMED §5.3). Learn it then.
     */
    watchCard(el) {
      if (el.__tuixinCard) return;
      el.__tuixinCard = true;
      el.addEventListener('mouseenter', () => {
        let tries = 0;
        const look = () => {
          const card = [...el.ownerDocument.querySelectorAll('.xmail-cmp-contact-card')].filter(D.visible).pop();
          const email = card && card.querySelector('.cmp-basic-email');
          const v = email ? D.bare(D.text(email)) : '';
          if (D.looksLikeAddress(v)) { learnt.set(el, v); T.requestScan(); } else if (++tries < 10) setTimeout(look, 50);
        };
        setTimeout(look, 30);
      });
    },
    removeChip(field, el) {
      D.removeBySelectDelete(el, field.input);
    },
    commit(field, address) {
      D.commitThroughInput(field.input, address);
    },
    // §2.1: .mail-compose-header .xmail-ui-btn[data-a11y="button"] "发送"/"Send" (CONFIRMED).
    sendButton(compose) {
      return [...compose.querySelectorAll('.xmail-ui-btn')].find((b) => D.buttonIs(b, ['发送', 'Send'])) || null;
    },
    isSend(el) {
      const b = el.closest && el.closest('.xmail-ui-btn');
      if (!b || !D.buttonIs(b, ['发送', 'Send'])) return null;
      return b.closest('.mail-compose-page');
    },
    composeOf(el) {
      return el.closest ? el.closest('.mail-compose-page') : null;
    },
    editorDocs() {
      return [];
    },

    // §2.1: .mail-list-page-item[data-mailid] with .cmp-account-nick, .mail-subject, .mail-digest (CONFIRMED).
    rowSelector: '.mail-list-page-item',
    readRow(row) {
      const subj = row.querySelector('.mail-subject');
      const nick = row.querySelector('.mail-sender .cmp-account-nick, .cmp-account-nick');
      const email = row.querySelector('.cmp-account-email');
      return {
        id: row.getAttribute('data-mailid'),
        sender: D.text(nick),
        senderAddress: email ? D.bare(D.text(email)) || null : null,
        subject: D.text(subj),
        digest: D.text(row.querySelector('.mail-digest')),
        slot: subj || row,
      };
    },

    // §2.1: reader .mail-detail-subject .mail-subject-text, sender .mail-detail-basic .cmp-account-email,
    // body .mail-detail-content (CONFIRMED); the card goes before .mail-reader-body.
    openMessage(doc) {
      const content = [...doc.querySelectorAll('.mail-detail-content')].filter(D.visible).pop();
      if (!content) return null;
      const reader = content.closest('.mail-list-page-reader') || content.closest('.mail-reader-body')?.parentElement || doc;
      const basic = reader.querySelector('.mail-detail-basic');
      const email = basic ? basic.querySelector('.cmp-account-email') : null;
      const nick = basic ? basic.querySelector('.cmp-account-nick') : null;
      const subject = D.text(reader.querySelector('.mail-detail-subject .mail-subject-text') || reader.querySelector('.mail-detail-subject'));
      const readText = () => content.innerText || content.textContent || '';
      const m = /#\/read\/([^/?#]+)/.exec(location.hash);
      return {
        id: m ? m[1] : D.hash(subject + readText().slice(0, 300)),
        anchor: content.closest('.mail-reader-body') || content,
        sender: D.text(nick),
        senderAddress: email ? D.bare(D.text(email)) || null : null,
        subject,
        get text() { return readText(); },
      };
    },
  });
})();
