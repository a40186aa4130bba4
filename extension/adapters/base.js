// The adapter interface, and the DOM helpers the adapters share.
//
// One adapter per webmail UI (Mailvelope style), registered in tuixin.adapters. Each has:
//   name, hosts (RegExp on location.hostname), frame ('top' | 'any')
//   idle(doc)                → optional: true for a shell document with nothing to do (QQ classic frame_html)
//   composes(doc)            → visible compose roots (hidden leftover modules are skipped)
//   fields(compose)          → [{kind: 'to'|'cc'|'bcc', root, input}] for visible recipient fields
//   chips(field)             → [{el, address|null}] committed recipients; null when only a nickname shows
//   removeChip(field, el)    → removes one committed recipient the way a user would
//   commit(field, address)   → adds one recipient the way a user would (type + Enter), keeping typed text
//   isSend(el)               → the compose root when el is (inside) that compose's send button, else null
//   sendButton(compose)      → the send button
//   rowSelector              → CSS of message-list rows; readRow(row) → {id, sender, senderAddress, subject, digest, slot}
//   openMessage(doc)         → {id, anchor (the card goes before it), sender, senderAddress, subject, text} | null
// Selectors cite shared/knowledge/webmail-dom.md (§ numbers) and its confidence marks.
(function () {
  const T = globalThis.tuixin;
  T.adapters = [];

  const D = (T.dom = {});
  /** Visible: laid out with a size, not display:none or visibility:hidden anywhere up the tree. */
  D.visible = (el) => {
    if (!el || !el.isConnected) return false;
    if (el.checkVisibility) return el.checkVisibility({ visibilityProperty: true });
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  };
  D.text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  /** "<a@b.com>" or "Name <a@b.com>" → a@b.com; otherwise the trimmed text. */
  D.bare = (s) => {
    const m = /<([^<>]*)>/.exec(s || '');
    return (m ? m[1] : s || '').trim();
  };
  D.looksLikeAddress = (s) => /^[^\s@＠]+[@＠][^\s@＠]+$/.test(s || '');
  D.kindOf = (label) => (/密送|bcc/i.test(label || '') ? 'bcc' : /抄送|(^|\W)cc/i.test(label || '') ? 'cc' : 'to');

  /** Sets an input's value the way typing does (works with React's value tracking) and tells the page. */
  D.setValue = (input, value) => {
    const proto = Object.getPrototypeOf(input);
    const desc = Object.getOwnPropertyDescriptor(proto, 'value') || Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
    desc.set.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  D.key = (el, key, opts) => {
    const init = Object.assign({ key, code: key, bubbles: true, cancelable: true }, opts || {});
    if (key === 'Enter') init.keyCode = 13;
    if (key === 'Backspace') init.keyCode = 8;
    if (key === 'Delete') init.keyCode = 46;
    el.dispatchEvent(new KeyboardEvent('keydown', init));
    el.dispatchEvent(new KeyboardEvent('keypress', init));
    el.dispatchEvent(new KeyboardEvent('keyup', init));
  };
  /** Adds a recipient through the field's own input: type it, press Enter, put back what was being typed. */
  D.commitThroughInput = (input, address) => {
    const typed = input.value;
    input.focus();
    D.setValue(input, address);
    D.key(input, 'Enter');
    if (typed && input.value !== typed) D.setValue(input, typed);
  };
  /** Removes a chip the way a user does: click it to select it, then Delete. */
  D.removeBySelectDelete = (chip, input) => {
    chip.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    chip.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    D.key(chip, 'Delete');
    if (chip.isConnected && input) D.key(input, 'Delete');
  };
  /** Is the text of a button, spaces removed, one of these ("发 送" → "发送")? */
  D.buttonIs = (el, words) => words.includes(D.text(el).replace(/\s+/g, ''));
  /** A stable short id for a message that has no id in the page. */
  D.hash = (s) => {
    let x = 2166136261;
    for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619);
    return (x >>> 0).toString(36);
  };
})();
