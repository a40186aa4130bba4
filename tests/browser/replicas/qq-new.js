// QQ new (wx.mail.qq.com) replica behaviour: hash routes #/list/1, #/read/<id>, #/compose; chips show only
// a nickname (no address anywhere in the chip: webmail-dom.md §0 risk 2); an address without "@" gets
// .cmp-account-invalid; 发送 and 存草稿 buttons.
(function () {
  const R = window.TxReplica;
  const list = document.querySelector('.mail-list-page');
  const reader = document.querySelector('.mail-list-page-reader');
  const compose = document.querySelector('.mail-compose-page');
  function route() {
    const h = location.hash;
    const read = /^#\/read\/([^/?]+)/.exec(h);
    compose.hidden = !/^#\/compose/.test(h);
    list.hidden = !compose.hidden;
    reader.hidden = !read;
    if (read) {
      const tpl = document.querySelector(`template[data-mid="${CSS.escape(read[1])}"]`);
      reader.querySelector('.mail-subject-text').textContent = tpl.dataset.subject;
      reader.querySelector('.cmp-account-nick').textContent = tpl.dataset.name;
      reader.querySelector('.cmp-account-email').textContent = '<' + tpl.dataset.from + '>';
      const content = reader.querySelector('.mail-detail-content');
      content.textContent = '';
      content.append(document.importNode(tpl.content, true));
    }
  }
  window.addEventListener('hashchange', route);
  document.addEventListener('click', (e) => {
    const item = e.target.closest('.mail-list-page-item');
    if (item) location.hash = '#/read/' + item.dataset.mailid;
    if (e.target.closest('.frame-sidebar-compose-btn')) location.hash = '#/compose';
    if (e.target.closest('.frame-sidebar-menu')) location.hash = '#/list/1';
  });
  const fields = [...compose.querySelectorAll('.receiver-editor')].map((root) => {
    const input = root.querySelector('input');
    const makeChip = (a) => {
      const chip = document.createElement('div');
      chip.className = 'xmail-cmp-account' + (/[@＠]/.test(a) ? '' : ' cmp-account-invalid');
      chip.setAttribute('data-replica-addr', a);
      const wrap = document.createElement('div'); wrap.className = 'cmp-account-wrap';
      const nick = document.createElement('span'); nick.className = 'cmp-account-nick'; nick.textContent = a.split(/[@＠]/)[0];
      wrap.append(nick); chip.append(wrap);
      return chip;
    };
    return Object.assign(R.chipField({ root, input, before: input, chipSelector: '.xmail-cmp-account', makeChip }), { input, makeChipForContact: makeChip });
  });
  // The address book: adds a chip that was never typed; hovering a chip shows its contact card.
  window.__addContact = (address) => {
    const f = fields[0];
    f.input.parentNode.insertBefore(f.makeChipForContact(address), f.input);
  };
  document.addEventListener('mouseover', (e) => {
    const chip = e.target.closest && e.target.closest('.xmail-cmp-account');
    const old = document.querySelector('.xmail-cmp-contact-card');
    if (!chip) return;
    if (old && old.dataset.for === chip.getAttribute('data-replica-addr')) return;
    if (old) old.remove();
    const card = document.createElement('div');
    card.className = 'xmail-cmp-contact-card';
    card.dataset.for = chip.getAttribute('data-replica-addr');
    card.style.cssText = 'position:absolute;border:1px solid #ccc;background:#fff;padding:6px';
    const basic = document.createElement('div'); basic.className = 'cmp-basic-email';
    const span = document.createElement('span'); span.textContent = chip.getAttribute('data-replica-addr');
    basic.append(span); card.append(basic);
    document.body.append(card);
  });
  const [send, save] = compose.querySelectorAll('.mail-compose-header .xmail-ui-btn');
  R.onSend(send, compose, fields);
  save.addEventListener('click', () => { window.__saved++; R.status('已保存草稿'); });
  window.__replicaReady = true;
  route();
})();
