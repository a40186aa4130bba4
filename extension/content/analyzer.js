// The analyzer as the content script sees it: the wasm core loaded right here when the page's
// Content-Security-Policy allows WebAssembly, else the same calls through the service worker
// (Chromium applies the page CSP to wasm compilation in content scripts; measured, see
// shared/knowledge/toolchain.md §4). Either way: check(text, options) and explain(text, options)
// resolve to the objects of the CLI contract; checkSync is there once the local module has loaded.
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

  /**
   * Starts both paths at once and is ready as soon as one can answer: the service worker usually
   * answers first (it keeps the wasm compiled between pages), the local module takes over when it has
   * loaded (synchronous checks, no messaging). A page that forbids wasm only ever gets the worker.
   */
  T.startAnalyzer = function () {
    if (A.ready) return A.ready;
    const t0 = performance.now();
    let local = null;
    A.check = (text, options) => (local ? Promise.resolve(local.checkRecipients(text, options)) : viaWorker('checkRecipients', text, options));
    A.explain = (text, options) => (local ? Promise.resolve(local.explainBounce(text, options)) : viaWorker('explainBounce', text, options));
    A.checkSync = null;
    const localPath = wasmAllowed()
      ? (async () => {
        const mod = await import(chrome.runtime.getURL('pkg/tuixin.js'));
        await mod.default({ module_or_path: chrome.runtime.getURL('pkg/tuixin_bg.wasm') });
        local = mod;
        A.checkSync = (text, options) => mod.checkRecipients(text, options);
        A.mode = 'local';
        A.localMs = performance.now() - t0;
        if (A.onUpgrade) A.onUpgrade();
        return 'local';
      })()
      : Promise.reject(new Error('the page CSP forbids WebAssembly here'));
    localPath.catch((e) => { A.localError = String(e); });
    const workerPath = viaWorker('ping', '', null).then(() => 'worker');
    A.ready = Promise.any([localPath, workerPath]).then(
      (first) => {
        if (A.mode !== 'local') A.mode = first;
        A.readyMs = performance.now() - t0;
      },
      (e) => { A.mode = 'none'; A.error = String(e && e.errors ? e.errors.join('; ') : e); throw e; },
    );
    return A.ready;
  };
})();
