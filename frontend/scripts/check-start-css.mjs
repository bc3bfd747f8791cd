// Fails the build when the start-up code (the entry script and the chunks
// index.html preloads) uses a Mantine class that the start-up stylesheet does
// not define: a component added to the welcome screen without its styles in
// src/app/styles/start.css would render unstyled until a lazy screen loaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = (re) => [...html.matchAll(re)].map((m) => join(dist, m[1]));
const scripts = [...refs(/<script type="module"[^>]* src="([^"]+)"/g), ...refs(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)];
const sheets = refs(/<link rel="stylesheet"[^>]* href="([^"]+)"/g);
if (!scripts.length || !sheets.length) throw new Error('check-start-css: no start-up script or stylesheet in dist/index.html');

const names = (files) => new Set(files.flatMap((f) => readFileSync(f, 'utf8').match(/\bm_[0-9a-f]{6,8}\b/g) ?? []));
const styled = names(sheets);
const missing = [...names(scripts)].filter((c) => !styled.has(c));
if (missing.length) {
  console.error(`check-start-css: the start-up code uses Mantine classes the start-up stylesheet lacks: ${missing.join(', ')}`);
  console.error('Add the components they belong to to src/app/styles/start.css (and take them out of rest.css).');
  process.exit(1);
}
console.log(`check-start-css: ${styled.size} Mantine classes styled at start; every one the start-up code uses is among them`);
