// The analyzer as the content script sees it: the wasm core loaded right here when the page's
// Content-Security-Policy allows WebAssembly, else the same calls through the service worker
// (Chromium applies the page CSP to wasm compilation in content scripts; measured, see
// shared/knowledge/toolchain.md §4). Either way: check(text, options) and explain(text, options)
// resolve to the objects of the CLI contract; checkSync is there only on the local path.
(function () {
  const T = globalThis.tuixin;
  const A = (T.analyzer = { mode: 'loading', ready: null, readyMs: null, error: null });

  /** An 8-byte empty module: compiling it fails exactly when the page CSP forbids wasm. */
  function wasmAllowed() {
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return true;
    } catch (_) {
      return false;
    }
  }

  async function viaWorker(what, text, options) {
    const r = await chrome.runtime.sendMessage({ what, text, options });
    if (!r || r.error) throw new Error((r && r.error) || 'no answer from the service worker');
    return r.result;
  }

  T.startAnalyzer = function () {
    if (A.ready) return A.ready;
    const t0 = performance.now();
    A.ready = (async () => {
      if (wasmAllowed()) {
        try {
          const mod = await import(chrome.runtime.getURL('pkg/tuixin.js'));
          await mod.default({ module_or_path: chrome.runtime.getURL('pkg/tuixin_bg.wasm') });
          A.checkSync = (text, options) => mod.checkRecipients(text, options);
          A.check = async (text, options) => mod.checkRecipients(text, options);
          A.explain = async (text, options) => mod.explainBounce(text, options);
          A.mode = 'local';
          return;
        } catch (e) {
          A.localError = String(e);
        }
      }
      await viaWorker('ping', '', null);
      A.checkSync = null;
      A.check = (text, options) => viaWorker('checkRecipients', text, options);
      A.explain = (text, options) => viaWorker('explainBounce', text, options);
      A.mode = 'worker';
    })().then(
      () => { A.readyMs = performance.now() - t0; },
      (e) => { A.mode = 'none'; A.error = String(e); throw e; },
    );
    return A.ready;
  };
})();
