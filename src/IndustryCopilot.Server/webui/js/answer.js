// One answer as a technician reads it: the badge, why it is not confirmed, the question back when rows differ in a
// qualifier, the quotes with the asked value marked (the closest passages after the first folded), and the sources in
// the page's language, each a chip that opens the sources pane.
import { t, currentLanguage } from './i18n.js';
import { element } from './dom.js';
import { render } from './markdown.js';
import { showSource } from './source.js';

/** Where a citation stands, for an audit: number, title, revision (one format), clause/section, table rows, pages. */
export function citationLine(c) {
  const zh = currentLanguage() === 'zh';
  const number = c.documentNumber && !c.documentTitle.startsWith(c.documentNumber) ? c.documentNumber + ' ' : '';
  const title = zh ? `${number}《${c.documentTitle}》` : `${number}${c.documentTitle}`;
  const parts = [title + (c.revision ? ' ' + t('source.rev', c.revision) : '')];
  if (!c.documentNumber && c.fileName) parts.push(t('source.file', c.fileName));
  parts.push(...where(c));
  return parts.filter(Boolean).join(' · ');
}

/** Section, clause, table rows, pages and OCR confidence of a citation or a source passage, in the page's language. */
export function where(p) {
  const first = p.tableRowFirst, last = p.tableRowLast;
  const rows = first ? (first === last || !last ? t('source.row', first) : t('source.rows', first, last)) : '';
  const pages = p.pageStart ? (p.pageEnd && p.pageEnd !== p.pageStart ? t('source.pages', p.pageStart, p.pageEnd) : t('source.page', p.pageStart)) : '';
  const section = p.sectionPath || '';
  const clause = p.clause && !section.includes(p.clause) ? t('source.clause', p.clause) : '';
  return [section, clause, [p.tableLabel, rows].filter(Boolean).join(' '), pages, p.ocrConfidence ? t('source.ocr', Math.round(p.ocrConfidence)) : ''].filter(Boolean);
}

// "来源 1：Q/HD 006-2024 4.2 表1": what a screen reader says for a chip.
function chipLabel(c) {
  const place = c.clause || (c.sectionPath || '').split(' > ').pop();
  return t('chip.label', c.number, [c.documentNumber || c.documentTitle, place, c.tableLabel].filter(Boolean).join(' '));
}

export function chip(citation) {
  const button = element('button', 'chip', String(citation.number));
  button.type = 'button';
  button.title = citationLine(citation);
  button.setAttribute('aria-label', chipLabel(citation));
  button.dataset.chunk = citation.chunkId;
  button.addEventListener('click', () => showSource(citation, button));
  return button;
}

/** Wraps every occurrence of each text in marks (inside table cells and quotes alike), as DOM, never as HTML. */
export function markAll(container, texts, className) {
  const wanted = (texts || []).filter(Boolean).sort((a, b) => b.length - a.length);
  if (!wanted.length) return;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (let node of nodes) {
    // Values are marked inside a marked quote; a quote is not marked twice.
    if (node.parentElement?.closest(className ? `mark.${className}, button` : 'mark, button')) continue;
    for (;;) {
      let at = -1, text = '';
      for (const w of wanted) {
        const i = node.data.indexOf(w);
        if (i >= 0 && (at < 0 || i < at)) { at = i; text = w; }
      }
      if (at < 0) break;
      const rest = node.splitText(at);
      const after = rest.splitText(text.length);
      const mark = element('mark', className || '', text);
      rest.replaceWith(mark);
      node = after;
    }
  }
}

function renderText(container, text, citations, rich) {
  const byNumber = new Map((citations || []).map(c => [c.number, c]));
  render(container, text, (number, raw) => byNumber.has(number) ? chip(byNumber.get(number)) : document.createTextNode(raw), rich);
  markAll(container, (citations || []).flatMap(c => c.highlights || []), 'value');
}

/** The answer text; closest passages after the first are folded so the first, with its marked value, is what is read. */
export function renderAnswer(container, answer) {
  container.replaceChildren();
  const text = answer.answer;
  const first = answer.outcome === 'closest' ? /\[\d+\](?:\n|$)/.exec(text) : null;
  const cut = first ? first.index + first[0].length : text.length;
  renderText(container, text.slice(0, cut).replace(/\n$/, ''), answer.citations, answer.mode === 'generated');
  const rest = text.slice(cut);
  if (rest.trim()) {
    const folded = element('details', 'folded');
    const shown = new Set([...text.slice(0, cut).matchAll(/\[(\d+)\]/g)].map(m => m[1]));
    const more = new Set([...rest.matchAll(/\[(\d+)\]/g)].map(m => m[1]).filter(n => !shown.has(n)));
    folded.append(element('summary', '', t('answer.more', more.size)));
    const body = element('div');
    renderText(body, rest, answer.citations, false);
    folded.append(body);
    container.append(folded);
  }
}

/** The sources, one line each with its chip, in the page's language; a quote in the other language is tagged. */
export function sourceList(answer) {
  const list = element('ul', 'citations');
  for (const c of answer.citations) {
    const item = element('li');
    item.append(chip(c), element('span', '', citationLine(c)));
    if ((c.language === 'en' || c.language === 'zh') && answer.language && c.language !== answer.language) {
      item.append(element('span', 'lang-tag', t(`source.lang.${c.language}`)));
    }
    list.append(item);
  }
  return list;
}

/** Questions to ask instead (not found): buttons that ask them. */
export function relatedQuestions(related, ask) {
  const list = element('ul', 'related');
  for (const question of related.slice(0, 3)) {
    const item = element('li');
    const button = element('button', 'link related-question', question);
    button.type = 'button';
    button.addEventListener('click', () => ask(question));
    item.append(button);
    list.append(item);
  }
  return list;
}
