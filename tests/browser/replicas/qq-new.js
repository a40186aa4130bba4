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
    return Object.assign(R.chipField({
      root, input, before: input, chipSelector: '.xmail-cmp-account',
      makeChip(a) {
        const chip = document.createElement('div');
        chip.className = 'xmail-cmp-account' + (/[@＠]/.test(a) ? '' : ' cmp-account-invalid');
        chip.setAttribute('data-replica-addr', a);
        const wrap = document.createElement('div'); wrap.className = 'cmp-account-wrap';
        const nick = document.createElement('span'); nick.className = 'cmp-account-nick'; nick.textContent = a.split(/[@＠]/)[0];
        wrap.append(nick); chip.append(wrap);
        return chip;
      },
    }), { input });
  });
  const [send, save] = compose.querySelectorAll('.mail-compose-header .xmail-ui-btn');
  R.onSend(send, compose, fields);
  save.addEventListener('click', () => { window.__saved++; R.status('已保存草稿'); });
  window.__replicaReady = true;
  route();
})();
