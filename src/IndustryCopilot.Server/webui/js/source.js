// The sources pane: the cited passage in full (tables as tables), the quoted words and the asked value marked, where it
// stands for an audit, and the original — a PDF in the product's own viewer at the page, any file under its real name.
// It stays in view (beside the answer, or as a bottom sheet on a phone); focus moves into it; Esc or ✕ closes it and
// returns focus to the chip that opened it.
import { t, currentLanguage } from './i18n.js';
import { element } from './dom.js';
import { getJson, download } from './api.js';
import { render } from './markdown.js';
import { where, markAll } from './answer.js';

const $ = id => document.getElementById(id);
let opener = null;
let shown = null;

/** The viewer's address for a PDF passage: shareable, it signs in like the chat page. */
export function viewerUrl(documentId, chunkId, page) {
  const params = new URLSearchParams({ doc: documentId, chunk: chunkId, page: String(page || 1), lang: currentLanguage() });
  return `${location.origin}/viewer.html#${params}`;
}

export async function showSource(citation, from) {
  opener = from || null;
  shown = citation;
  const panel = $('source-panel');
  panel.classList.remove('hidden');
  panel.dataset.chunk = citation.chunkId;
  $('source-title').textContent = t('source.loading');
  $('source-where').textContent = '';
  $('source-text').replaceChildren();
  $('source-previous').textContent = $('source-next').textContent = '';
  $('source-title').focus();
  let source;
  try {
    source = await getJson(`/api/sources/${encodeURIComponent(citation.chunkId)}`);
  } catch (error) {
    $('source-title').textContent = t('source.failed', error.status || error.message);
    return;
  }
  if (shown !== citation) return;
  const d = source.document;
  const number = d.documentNumber && !d.title.startsWith(d.documentNumber) ? d.documentNumber + ' ' : '';
  const title = currentLanguage() === 'zh' ? `${number}《${d.title}》` : `${number}${d.title}`;
  $('source-title').textContent = title + (d.revision ? ' · ' + t('source.rev', d.revision) : '');
  $('source-where').textContent = [...where(source.passage), d.documentNumber ? '' : t('source.file', d.fileName)].filter(Boolean).join(' · ');
  $('source-previous').textContent = source.previous ? source.previous.text : '';
  $('source-next').textContent = source.next ? source.next.text : '';
  const passage = $('source-text');
  // Tables as tables; the quote marked in context, the asked value marked within it.
  render(passage, source.passage.text, (n, raw) => document.createTextNode(raw), false);
  markQuote(passage, citation.quote);
  markAll(passage, citation.highlights, 'value');
  const isPdf = (d.fileName || '').toLowerCase().endsWith('.pdf');
  const viewer = $('source-viewer');
  viewer.classList.toggle('hidden', !isPdf);
  if (isPdf) {
    viewer.href = viewerUrl(d.id, citation.chunkId, source.passage.pageStart);
    viewer.textContent = t('source.viewer', source.passage.pageStart || 1);
  }
  $('source-open').textContent = t('source.download', d.fileName);
  $('source-open').onclick = () => download(source.fileUrl, d.fileName);
  $('source-share').onclick = async () => {
    const link = isPdf ? viewer.href : `${location.origin}/#source=${encodeURIComponent(citation.chunkId)}`;
    await navigator.clipboard?.writeText(link).catch(() => {});
    $('source-share').textContent = t('source.shared');
  };
  $('source-share').textContent = t('source.share');
}

// A quoted table row is marked as a row (the pane draws the table); quoted sentences as text.
function markQuote(passage, quote) {
  if (!quote) return;
  const lines = quote.split('\n').map(l => l.trim()).filter(Boolean);
  const rows = lines.filter(l => l.startsWith('|')).map(l => l.replace(/^\||\|$/g, '').split('|').map(c => c.trim()).join('\u0001'));
  for (const tr of passage.querySelectorAll('tr')) {
    if (rows.includes([...tr.cells].map(c => c.textContent.trim()).join('\u0001'))) tr.classList.add('quoted-row');
  }
  markAll(passage, lines.filter(l => !l.startsWith('|')));
}

export function closeSource() {
  const panel = $('source-panel');
  if (panel.classList.contains('hidden')) return;
  panel.classList.add('hidden');
  shown = null;
  if (opener && document.contains(opener)) opener.focus();
  opener = null;
}

/** Opens the pane for a passage named in the address (#source=chunk), as a shared link does. */
export async function openFromAddress() {
  const chunk = new URLSearchParams(location.hash.slice(1)).get('source');
  if (chunk) await showSource({ chunkId: chunk, highlights: [], quote: '' });
}

export function initSource() {
  $('source-close').addEventListener('click', closeSource);
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && !$('source-panel').classList.contains('hidden')) { event.preventDefault(); closeSource(); }
  });
}
