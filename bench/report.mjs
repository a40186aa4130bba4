// Prints the `make bench` table from the JSON the sides wrote into a results directory, and writes
// it to RESULTS_DIR/report.md. Ratios are tuixin's rate over the peer's on the same inputs.
//   node bench/report.mjs RESULTS_DIR
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const load = (name) => {
  const p = join(dir, name);
  if (!existsSync(p)) return null;
  try { return JSON.parse(readFileSync(p, 'utf8').trim().split('\n').pop()); } catch { return null; }
};
const native = load('native.json') || {};
const node = load('node.json') || {};
const sisimai = load('sisimai.json') || {};
const env = load('env.json') || {};
const mem = load('memory.json') || {};
const browser = existsSync(join(dir, 'browser.txt')) ? readFileSync(join(dir, 'browser.txt'), 'utf8') : null;

const num = (x, digits = 0) => (x == null || Number.isNaN(x) ? '–' : Number(x).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : '–');
const verdict = (ok) => (ok == null ? '' : ok ? 'met' : '**not met**');

const rows = [];
rows.push(['check: addresses/s (one address per call)', num(native.check_per_s), num(node.wasm_check_per_s), `mailcheck ${num(node.mailcheck_per_s)}`,
  ratio(native.check_per_s, node.mailcheck_per_s), ratio(node.wasm_check_per_s, node.mailcheck_per_s),
  `native ≥ 10×: ${verdict(native.check_per_s && node.mailcheck_per_s ? native.check_per_s >= 10 * node.mailcheck_per_s : null)}; wasm ≥ 3×: ${verdict(node.wasm_check_per_s && node.mailcheck_per_s ? node.wasm_check_per_s >= 3 * node.mailcheck_per_s : null)}`]);
rows.push(['check: a 50-recipient field, ms per call', num(native.field50_ms, 3), num(node.wasm_field50_ms, 3), '–', '', '',
  `wasm ≤ 1 ms: ${verdict(node.wasm_field50_ms != null ? node.wasm_field50_ms <= 1 : null)}`]);
rows.push(['explain: messages/s', num(native.explain_per_s), num(node.wasm_explain_per_s), `Sisimai ${sisimai.version || ''} ${num(sisimai.explain_per_s)}`,
  ratio(native.explain_per_s, sisimai.explain_per_s), ratio(node.wasm_explain_per_s, sisimai.explain_per_s),
  `native ≥ 20×: ${verdict(native.explain_per_s && sisimai.explain_per_s ? native.explain_per_s >= 20 * sisimai.explain_per_s : null)}`]);
if (native.explain_cpu_per_s || node.wasm_explain_cpu_per_s || sisimai.explain_cpu_per_s) {
  // The same work per CPU second of the process: steadier than the wall clock on a shared machine.
  rows.push(['explain: messages per CPU second', num(native.explain_cpu_per_s), num(node.wasm_explain_cpu_per_s), `Sisimai ${num(sisimai.explain_cpu_per_s)}`,
    ratio(native.explain_cpu_per_s, sisimai.explain_cpu_per_s), ratio(node.wasm_explain_cpu_per_s, sisimai.explain_cpu_per_s),
    `native ≥ 20×: ${verdict(native.explain_cpu_per_s && sisimai.explain_cpu_per_s ? native.explain_cpu_per_s >= 20 * sisimai.explain_cpu_per_s : null)}`]);
}
// Pairs of samples taken back to back (scripts/bench.sh): the ratio of each pair, median and range.
const pairs = existsSync(join(dir, 'pairs.jsonl'))
  ? readFileSync(join(dir, 'pairs.jsonl'), 'utf8').split('\n').filter(Boolean).flatMap((l) => { try { return [JSON.parse(l)]; } catch { return []; } })
  : [];
const spread = (key) => {
  const r = pairs.map((p) => p.native?.[key] / p.sisimai?.[key]).filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
  if (!r.length) return null;
  const mid = r.length % 2 ? r[(r.length - 1) / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
  return { mid, lo: r[0], hi: r[r.length - 1], n: r.length };
};
for (const [key, what] of [['explain_per_s', 'messages/s'], ['explain_cpu_per_s', 'messages per CPU second']]) {
  const s = spread(key);
  if (!s) continue;
  rows.push([`explain: ${what}, ${s.n} pairs of samples back to back (median, range)`, '', '', '',
    `${s.mid.toFixed(1)}× (${s.lo.toFixed(1)}–${s.hi.toFixed(1)})`, '', `native ≥ 20×: ${verdict(s.mid >= 20)}`]);
}
rows.push(['explain: MB/s', num(native.explain_per_s * native.message_bytes / native.messages / 1e6, 1), num(node.wasm_explain_per_s * node.message_bytes / node.messages / 1e6, 1),
  `Sisimai ${num(sisimai.explain_per_s * sisimai.message_bytes / sisimai.messages / 1e6, 1)}`, '', '', '']);

const head = '| measure | tuixin native | tuixin wasm (Node) | peer, same inputs | native / peer | wasm / peer | target |';
const sep = '|---|--:|--:|--:|--:|--:|---|';
const table = [head, sep, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const other = [
  '| figure | value |',
  '|---|--:|',
  `| wasm size, raw (target/pkg/tuixin_bg.wasm after wasm-opt) | ${num(env.wasm_raw)} bytes |`,
  `| wasm size, gzip -9 | ${num(env.wasm_gz)} bytes |`,
  `| wasm ready under Node (import + init from bytes) | ${num(node.wasm_ready_ms, 1)} ms |`,
  `| peak RSS: \`tuixin explain --json\` over the ${num(native.messages)} messages | ${num(mem.cli_explain_kb / 1024, 1)} MiB |`,
  `| peak RSS: \`tuixin check --json\` over the ${num(native.addresses)} addresses | ${num(mem.cli_check_kb / 1024, 1)} MiB |`,
  `| peak RSS: Sisimai over the same messages (bench/sisimai.pl, one round) | ${num(mem.sisimai_kb / 1024, 1)} MiB |`,
  `| peak RSS: Node with mailcheck and the wasm (bench/node.mjs) | ${num(mem.node_kb / 1024, 1)} MiB |`,
].join('\n');

const inputs = `Inputs: ${num(native.addresses)} generated addresses (bench/addresses.mjs: Chinese and worldwide, 30% typos); ` +
  `${num(native.messages)} messages, ${num(native.message_bytes / 1e6, 2)} MB, from ${env.corpus || '?'}. Each rate is the best of three samples of at least ${env.min_seconds || '?'} s.`;
const machine = `Machine: ${env.cpu || '?'}, ${env.cores || '?'} cores, ${env.mem || '?'}; ${env.os || ''}; load before the run: ${env.load || '?'}. ` +
  `${env.rustc || ''}; Node ${node.node || '?'}; Perl ${env.perl || '?'}; mailcheck ${env.mailcheck || '?'}. Commit ${env.commit || '?'}, ${env.date || ''}.`;

let text = `${table}\n\n${other}\n`;
if (browser) {
  // bench-ext.mjs prints one JSON object (nested; timing stats as {n, median, p90, min, max});
  // it becomes one row per figure. Anything else is shown as printed.
  let parsed = null;
  try { parsed = JSON.parse(browser); } catch { /* shown raw */ }
  if (parsed && typeof parsed === 'object') {
    const rows = [];
    const walk = (o, path) => {
      if (o && typeof o === 'object' && 'median' in o) {
        rows.push([path, `median ${num(o.median, 2)}, p90 ${num(o.p90, 2)}, max ${num(o.max, 2)} (n = ${o.n})`]);
      } else if (o && typeof o === 'object') {
        for (const [k, v] of Object.entries(o)) walk(v, path ? `${path} · ${k}` : k);
      } else {
        rows.push([path, typeof o === 'number' ? num(o, Number.isInteger(o) ? 0 : 3) : String(o)]);
      }
    };
    walk(parsed, '');
    text += '\nIn Chromium (tests/browser/bench-ext.mjs; times in ms):\n\n| figure | value |\n|---|--:|\n' +
      rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n') + '\n';
  } else {
    text += `\nIn Chromium (tests/browser/bench-ext.mjs):\n\n\`\`\`\n${browser.trim()}\n\`\`\`\n`;
  }
} else {
  text += '\nIn Chromium: tests/browser/bench-ext.mjs is not there yet (no browser figures in this run).\n';
}
text += `\n${inputs}\n\n${machine}\n`;
writeFileSync(join(dir, 'report.md'), text);
process.stdout.write(text);
