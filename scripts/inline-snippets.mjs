// Inlines the JavaScript snippets wasm-bindgen wrote beside the glue (the modules src/wasm.rs
// imports with #[wasm_bindgen(module = ...)]) into the glue itself, and removes snippets/:
// `import { a, b } from './snippets/.../x.js';` becomes x.js's text without its `export` keywords.
//   node scripts/inline-snippets.mjs PKG_DIR
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/inline-snippets.mjs PKG_DIR');
  process.exit(2);
}
const glue = join(dir, 'tuixin.js');
let js = readFileSync(glue, 'utf8');
const importLine = /^import \{ ([\w, ]+) \} from '\.\/(snippets\/[^']+\.js)';\n/gm;
let count = 0;
js = js.replace(importLine, (_, names, path) => {
  count++;
  const text = readFileSync(join(dir, path), 'utf8').replace(/^export (function|const|let|class) /gm, '$1 ');
  for (const name of names.split(',').map((s) => s.trim())) {
    if (!new RegExp(`^(function|const|let|class) ${name}\\b`, 'm').test(text)) {
      console.error(`inline-snippets: ${path} does not define ${name}`);
      process.exit(1);
    }
  }
  return `// ---- inlined from ${path.replace(/^snippets\/[^/]+\//, '')} ----\n${text}// ----\n`;
});
if (/from '\.\/snippets\//.test(js)) {
  console.error('inline-snippets: an import of a snippet was left (an unexpected form)');
  process.exit(1);
}
writeFileSync(glue, js);
rmSync(join(dir, 'snippets'), { recursive: true, force: true });
console.error(`inline-snippets: ${count} module(s) inlined into ${glue}`);
