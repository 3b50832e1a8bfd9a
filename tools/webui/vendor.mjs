// Copies the pdf.js files the viewer loads (legacy build: plant PCs run older browsers) into <out>/pdfjs, with the
// character maps Chinese PDFs need and the standard fonts, and axe-core beside it for the UI tests.
// Usage: node vendor.mjs <out>
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node vendor.mjs <out>');
  process.exit(2);
}

const pdfjs = 'node_modules/pdfjs-dist';
const target = join(out, 'pdfjs');
mkdirSync(target, { recursive: true });
for (const file of ['pdf.min.mjs', 'pdf.worker.min.mjs']) cpSync(join(pdfjs, 'legacy/build', file), join(target, file));
cpSync(join(pdfjs, 'cmaps'), join(target, 'cmaps'), { recursive: true });
cpSync(join(pdfjs, 'standard_fonts'), join(target, 'standard_fonts'), { recursive: true });
cpSync(join(pdfjs, 'LICENSE'), join(target, 'LICENSE'));
const { version } = JSON.parse(readFileSync(join(pdfjs, 'package.json'), 'utf8'));
writeFileSync(join(target, 'VERSION'), `pdfjs-dist ${version} (Apache-2.0, Mozilla Foundation)\n`);

// Test-only: not under the served folder.
const axe = join(out, '..', 'ui-check');
mkdirSync(axe, { recursive: true });
cpSync('node_modules/axe-core/axe.min.js', join(axe, 'axe.min.js'));
console.log(`pdf.js ${version} → ${target}`);
