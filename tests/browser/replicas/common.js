// Replica behaviour shared by the webmail replicas: recipient fields that commit chips on Enter or ";",
// delete chips with Backspace (empty input) or by selecting one and pressing Delete, a send action
// counted in window.__sent (and shown in #status), Ctrl+Enter sends, and a draft counter.
(function () {
  const R = (window.TxReplica = {});
  window.__sent = 0;
  window.__saved = 0;
  window.__sentTo = [];
  R.status = (text) => { const s = document.getElementById('status'); if (s) s.textContent = text; };

  /** field: {root, input, makeChip(address) → element, chipSelector, before (chips go before this node)} */
  R.chipField = function (f) {
    const commit = () => {
      const parts = f.input.value.split(/[;；,，]/).map((s) => s.trim()).filter(Boolean);
      if (!parts.length) return false;
      for (const a of parts) f.before.parentNode.insertBefore(f.makeChip(a), f.before);
      f.input.value = '';
      return true;
    };
    f.input.addEventListener('keydown', (e) => {
      if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === ';') {
        if (commit()) e.preventDefault();
      } else if (e.key === 'Backspace' && f.input.value === '') {
        const chips = f.root.querySelectorAll(f.chipSelector);
        const sel = f.root.querySelectorAll(f.chipSelector + '.selected');
        const victims = sel.length ? sel : chips.length ? [chips[chips.length - 1]] : [];
        for (const c of victims) c.remove();
      } else if (e.key === 'Delete') {
        for (const c of f.root.querySelectorAll(f.chipSelector + '.selected')) c.remove();
      }
    });
    f.input.addEventListener('blur', () => commit());
    f.root.addEventListener('click', (e) => {
      const chip = e.target.closest(f.chipSelector);
      if (chip) chip.classList.toggle('selected');
    });
    f.root.addEventListener('keydown', (e) => {
      if (e.key === 'Delete' || e.key === 'Backspace') {
        const sel = f.root.querySelectorAll(f.chipSelector + '.selected');
        if (sel.length && e.target !== f.input) { for (const c of sel) c.remove(); e.preventDefault(); }
      }
    });
    return { commit, addresses: () => [...f.root.querySelectorAll(f.chipSelector)].map((c) => c.getAttribute('data-replica-addr')) };
  };

  R.onSend = function (button, scope, fields, send) {
    const go = () => {
      window.__sent++;
      window.__sentTo.push(fields.flatMap((x) => x.addresses()).concat(fields.map((x) => x.input.value).filter(Boolean)));
      R.status('发送成功');
      if (send) send();
    };
    button.addEventListener('click', (e) => { e.preventDefault(); go(); });
    scope.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); go(); } });
  };

  /** Writes a same-origin iframe's document (editor or reading body), the way Coremail does. */
  R.writeFrame = function (frame, html, editable) {
    const d = frame.contentDocument;
    d.open();
    d.write('<!doctype html><html><head><meta charset="utf-8"></head><body' + (editable ? ' contenteditable="true"' : ' tabindex="0" role="listitem"') + '>' + html + '</body></html>');
    d.close();
    return d;
  };
})();
