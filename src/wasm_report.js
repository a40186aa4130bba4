// The JavaScript half of `checkRecipients` (src/wasm.rs): builds the report object from the packed
// form the wasm writes, so that one call crosses the boundary instead of a call per key and value.
// Keys come in the order of the Rust structs (the `tuixin check --json` object), and tests/wasm.rs
// compares JSON.stringify of the result with the CLI's JSON for every fixture input.
//
// Packed form, read in place in the wasm memory during this call: `n` (u32 numbers) and `t` (every
// string not taken from the input, concatenated: UTF-8 bytes, or UTF-16 code units when `wide`,
// which the wasm chooses for text that is not ASCII: V8 decodes UTF-16 several times faster than
// non-ASCII UTF-8); and `input` (the string the caller passed). A string is either its length in UTF-16 code units in `n` and its text next
// in `t`, or SLICE and its start and end in `input` (no text crosses: most strings of a report are
// parts of the input); a missing one (`null`) is NONE. Severity and verdict are their index in the
// tables below (the Rust enums' order).
const NONE = 0xffffffff;
const SLICE = 0xfffffffe;
const SEVERITIES = ['info', 'warning', 'error'];
const VERDICTS = ['ok', 'info', 'warning', 'error'];
// A leading U+FEFF is text like any other here, never a byte-order mark to drop.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

// Views of the wasm memory, made again only when it has grown (its old buffer is then detached,
// and a view of a detached buffer has length 0): `memory.buffer` is not asked on every call.
let mem32 = null;
let mem16 = null;
let mem8 = null;

// The report on a quiet input (one plain ASCII address, of a known domain or of one whose domain
// check finds nothing, and nothing to say: `field::assess` in Rust): the
// object the packed form would give, built from the input alone (`len`: its length; ASCII).
export function quietFieldReport(input, len) {
  const recipient = { raw: input, start: 0, end: len, name: null, address: input, verdict: 'ok', suggestion: null, findings: [] };
  return { input, recipients: [recipient], findings: [], fixed: null };
}

export function unpackFieldReport(memory, nPtr, nLen, tPtr, tLen, wide, input) {
  if (mem32 === null || mem32.length === 0) {
    const buffer = memory.buffer;
    mem32 = new Uint32Array(buffer);
    mem16 = new Uint16Array(buffer);
    mem8 = new Uint8Array(buffer);
  }
  const n = mem32;
  // Most reports (a quiet address) have no text of their own: nothing to decode.
  let t = '';
  if (tLen !== 0) {
    t = wide ? utf16.decode(mem16.subarray(tPtr >>> 1, (tPtr >>> 1) + tLen)) : utf8.decode(mem8.subarray(tPtr, tPtr + tLen));
  }
  let i = nPtr >>> 2;
  let p = 0;
  const str = () => {
    const len = n[i++];
    if (len === SLICE) {
      const start = n[i++];
      return input.slice(start, n[i++]);
    }
    return t.slice(p, (p += len));
  };
  const opt = () => {
    if (n[i] === NONE) {
      i++;
      return null;
    }
    return str();
  };
  const findings = () => {
    const out = [];
    for (let k = n[i++]; k > 0; k--) {
      out.push({ rule: str(), severity: SEVERITIES[n[i++]], message: str(), suggestion: opt() });
    }
    return out;
  };
  const inputCopy = str();
  const recipients = [];
  for (let k = n[i++]; k > 0; k--) {
    recipients.push({
      raw: str(),
      start: n[i++],
      end: n[i++],
      name: opt(),
      address: str(),
      verdict: VERDICTS[n[i++]],
      suggestion: opt(),
      findings: findings(),
    });
  }
  return { input: inputCopy, recipients, findings: findings(), fixed: opt() };
}
