// Netease js6 replica behaviour: hash routes (#module=mbox.ListModule|…, compose.ComposeModule, read.ReadModule
// with "id"), list rows open the message, the compose module has chip fields, 添加抄送, 发送, 存草稿, and a
// body editor in an iframe without src; the reading body is written into an iframe (#content).
(function () {
  const R = window.TxReplica;
  const mods = {
    list: document.querySelector('[id^="_dvModuleContainer_mbox.ListModule"]'),
    compose: document.querySelector('[id="_dvModuleContainer_compose.ComposeModule_1"]'),
    read: document.querySelector('[id^="_dvModuleContainer_read.ReadModule"]'),
  };
  function route() {
    const h = decodeURIComponent(location.hash);
    const which = /compose\.ComposeModule/.test(h) ? 'compose' : /read\.ReadModule/.test(h) ? 'read' : 'list';
    for (const [k, el] of Object.entries(mods)) el.style.display = k === which ? '' : 'none';
    if (which === 'read') {
      const m = /"id"\s*:\s*"([^"]+)"/.exec(h);
      const tpl = document.querySelector(`template[data-mid="${m ? CSS.escape(m[1]) : ''}"]`) || document.querySelector('template[data-mid]');
      mods.read.querySelector('h1').textContent = tpl.dataset.subject;
      mods.read.querySelector('.fU .nui-addr-name').textContent = tpl.dataset.name;
      mods.read.querySelector('.fU .nui-addr-email').textContent = '<' + tpl.dataset.from + '>';
      const frame = mods.read.querySelector('iframe');
      const d = R.writeFrame(frame, '<div id="content" class="netease_mail_readhtml netease_mail_readhtml_webmail"></div>');
      d.getElementById('content').append(d.importNode(tpl.content, true));
    }
  }
  const go = (module, args) => { location.hash = 'module=' + module + '|' + encodeURIComponent(JSON.stringify(args)); };
  document.addEventListener('click', (e) => {
    const row = e.target.closest('[sign="letter"]');
    if (row) return go('read.ReadModule', { area: 'normal', isThread: false, id: row.dataset.mid, fid: 1 });
    const act = e.target.closest('[data-act]');
    if (!act) return;
    e.preventDefault();
    if (act.dataset.act === 'compose') go('compose.ComposeModule', { type: 'compose', fullScreen: true, cid: 'c:1700000000000' });
    if (act.dataset.act === 'inbox') go('mbox.ListModule', { fid: 1, order: 'date', desc: true });
  });
  window.addEventListener('hashchange', route);

  for (const mod of document.querySelectorAll('[id^="_dvModuleContainer_compose.ComposeModule"]')) {
    const fields = [...mod.querySelectorAll('.js-component-emailcontainer')].map((root) => {
      const input = root.querySelector('input');
      return Object.assign(R.chipField({
        root, input, before: root.querySelector('.js-component-emailinput'), chipSelector: '.js-component-emailblock',
        makeChip(a) {
          const chip = document.createElement('div');
          chip.className = 'js-component-emailblock nui-addr nui-editableAddr';
          chip.title = a;
          chip.setAttribute('data-replica-addr', a);
          const name = document.createElement('span'); name.className = 'nui-addr-name'; name.textContent = a.split(/[@＠]/)[0];
          const email = document.createElement('span'); email.className = 'nui-addr-email'; email.textContent = '<' + a + '>';
          chip.append(name, email);
          return chip;
        },
      }), { input });
    });
    const [send, save] = mod.querySelectorAll('.js-component-toolbar .js-component-button');
    R.onSend(send, mod, fields);
    save.addEventListener('click', () => { window.__saved++; R.status('已保存草稿'); });
    mod.querySelector('[data-act="show-cc"]').addEventListener('click', (e) => {
      e.preventDefault(); e.stopPropagation();
      mod.querySelector('[id$="_divComposecc"]').hidden = false;
    });
    const ed = R.writeFrame(mod.querySelector('iframe.APP-editor-iframe'), '', true);
    ed.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send.click(); } });
  }
  window.__replicaReady = true;
  route();
})();
