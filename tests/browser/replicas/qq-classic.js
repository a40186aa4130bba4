// QQ classic replica behaviour (inside mainFrame): list rows navigate to readmail, the compose form has
// chip fields (#toAreaCtrl …, chips div.addr_base[addr]), 添加抄送/密送, 发送 and 存草稿.
(function () {
  const R = window.TxReplica;
  document.addEventListener('click', (e) => {
    const cell = e.target.closest('td.l[data-href]');
    if (cell) location.href = cell.dataset.href;
  });
  const frm = document.getElementById('frm');
  if (frm) {
    const fields = ['toAreaCtrl', 'ccAreaCtrl', 'bccAreaCtrl'].map((id) => {
      const root = document.getElementById(id);
      const input = root.querySelector('input');
      return Object.assign(R.chipField({
        root, input, before: root.querySelector('.addr_text'), chipSelector: '.addr_base',
        makeChip(a) {
          const chip = document.createElement('div');
          chip.className = 'addr_base addr_normal';
          chip.setAttribute('addr', a);
          chip.setAttribute('data-replica-addr', a);
          chip.append(document.createTextNode(a.split(/[@＠]/)[0]));
          const b = document.createElement('b'); b.setAttribute('unselectable', 'on'); chip.append(b);
          return chip;
        },
      }), { input });
    });
    R.onSend(frm.querySelector('a[name="sendbtn"]'), document, fields);
    frm.querySelector('input[name="savebtn"]').addEventListener('click', () => { window.__saved++; R.status('已保存草稿'); });
    document.getElementById('aCC').addEventListener('click', (e) => { e.preventDefault(); document.getElementById('ccRow').hidden = false; });
    document.getElementById('aBCC').addEventListener('click', (e) => { e.preventDefault(); document.getElementById('bccRow').hidden = false; });
    const ed = R.writeFrame(document.getElementById('QMEditorIfrmEditArea'), '', true);
    ed.body.setAttribute('accesskey', 'q');
    ed.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); frm.querySelector('a[name="sendbtn"]').click(); } });
  }
  window.__replicaReady = true;
})();
