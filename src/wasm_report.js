// The JavaScript half of `checkRecipients` (src/wasm.rs): builds the report object from the packed
// form the wasm writes, so that one call and one string cross the boundary instead of a call per key
// and value. Keys come in the order of the Rust structs (the `tuixin check --json` object), and
// tests/wasm.rs compares JSON.stringify of the result with the CLI's JSON for every fixture input.
//
// Packed form: `n` (a Uint32Array, read only during this call) and `t` (every string, concatenated).
// A string is its length in UTF-16 code units in `n` and its text next in `t`; a missing one
// (`null`) is NONE. Severity and verdict are their index in the tables below (the Rust enums' order).
const NONE = 0xffffffff;
const SEVERITIES = ['info', 'warning', 'error'];
const VERDICTS = ['ok', 'info', 'warning', 'error'];

export function unpackFieldReport(n, t) {
  let i = 0;
  let p = 0;
  const str = () => {
    const len = n[i++];
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
  const input = str();
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
  return { input, recipients, findings: findings(), fixed: opt() };
}
