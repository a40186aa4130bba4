// The service worker: the analyzer for pages whose CSP forbids WebAssembly in content scripts,
// and for the popup. One message route (uBlock Origin Lite style): switch on request.what.
// It makes no request other than loading its own files.
import init, { checkRecipients, explainBounce } from './pkg/tuixin.js';

let loading = null;
function load() {
  if (!loading) loading = init({ module_or_path: new URL('./pkg/tuixin_bg.wasm', import.meta.url) });
  return loading;
}
load().catch(() => { loading = null; });

function answer(promiseOfResult, sendResponse) {
  promiseOfResult.then(
    (result) => sendResponse({ result }),
    (e) => sendResponse({ error: String(e && e.message ? e.message : e) }),
  );
  return true; // the answer comes asynchronously
}

chrome.runtime.onMessage.addListener((request, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || !request) return false;
  switch (request.what) {
    case 'ping':
      return answer(load().then(() => 'pong'), sendResponse);
    case 'checkRecipients':
      return answer(load().then(() => checkRecipients(String(request.text), request.options || null)), sendResponse);
    case 'explainBounce':
      return answer(load().then(() => explainBounce(String(request.text), request.options || null)), sendResponse);
    default:
      return false;
  }
});
