// The Markdown a model writes (paragraphs, lists, tables, code, bold, inline code) built as DOM nodes from text:
// nothing from a model or a document is ever parsed as HTML, so a "<script>" in an answer is shown as those characters.
import { element } from './dom.js';

const fence = /^\s*```/;
const item = /^\s*(?:[-*+]|(\d+)[.)])\s+(.*)$/;
const separator = /^\|?\s*:?-{3,}/;

const node = (tag, text) => element(tag, '', text);

/** Appends text with **bold**, `code` and [n] (through onCitation, which returns a node) to a container. */
export function inline(container, text, onCitation) {
  let last = 0;
  for (const match of text.matchAll(/\*\*([^*\n]+)\*\*|`([^`\n]+)`|\[(\d+)\]/g)) {
    container.append(document.createTextNode(text.slice(last, match.index)));
    if (match[1] !== undefined) container.append(node('strong', match[1]));
    else if (match[2] !== undefined) container.append(node('code', match[2]));
    else container.append(onCitation(Number(match[3]), match[0]));
    last = match.index + match[0].length;
  }
  container.append(document.createTextNode(text.slice(last)));
}

function table(rows, onCitation) {
  const cells = row => row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map(c => c.trim());
  const result = node('table');
  result.className = 'quoted';
  rows.forEach((row, index) => {
    if (separator.test(row.trim())) return;
    const header = index === 0 && rows.length > 1 && separator.test(rows[1].trim());
    const tr = node('tr');
    cells(row).forEach(text => { const cell = node(header ? 'th' : 'td'); inline(cell, text, onCitation); tr.append(cell); });
    result.append(tr);
  });
  return result;
}

/**
 * Renders text into container. Tables always (quoted table rows arrive as Markdown); lists, code blocks and inline
 * marks only when rich is set (generated answers): a quoted passage keeps its own numbering and characters.
 */
export function render(container, text, onCitation, rich) {
  const lines = text.split('\n');
  let paragraph = [];
  // Quoted text keeps its line breaks as they are; generated text is set in paragraphs.
  const flush = () => {
    if (!paragraph.length) return;
    const target = rich ? node('p') : container;
    inline(target, paragraph.join('\n') + (rich ? '' : '\n'), onCitation);
    if (rich) container.append(target);
    paragraph = [];
  };
  for (let i = 0; i < lines.length;) {
    const line = lines[i];
    if (line.trim().startsWith('|')) {
      flush();
      const rows = [];
      while (i < lines.length && lines[i].trim().startsWith('|')) rows.push(lines[i++]);
      container.append(table(rows, onCitation));
    } else if (rich && fence.test(line)) {
      flush();
      const code = [];
      for (i++; i < lines.length && !fence.test(lines[i]); i++) code.push(lines[i]);
      i++;
      const pre = node('pre');
      pre.append(node('code', code.join('\n')));
      container.append(pre);
    } else if (rich && item.test(line)) {
      flush();
      const first = line.match(item);
      const list = node(first[1] ? 'ol' : 'ul');
      if (first[1]) list.start = Number(first[1]);
      while (i < lines.length && item.test(lines[i])) {
        const li = node('li');
        inline(li, lines[i++].match(item)[2], onCitation);
        list.append(li);
      }
      container.append(list);
    } else {
      if (rich && line.trim() === '') flush(); else paragraph.push(line);
      i++;
    }
  }
  flush();
}
