// The product's own PDF viewer (pdf.js from the npm registry, served by this server): opens a cited PDF at the page of
// the passage with the passage's words marked, behind a link that can be shared (it signs in as the chat page does).
import { t, apply, setLanguage, currentLanguage, useLanguageOf } from './i18n.js';
import { getJson, headers } from './api.js';
import * as pdfjs from '../vendor/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = new URL('../vendor/pdfjs/pdf.worker.min.mjs', import.meta.url).href;
const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.hash.slice(1));
let pdf = null;
let page = Number(params.get('page')) || 1;
let passage = '';

function say(message) {
  $('viewer-message').textContent = message;
  $('viewer-message').classList.toggle('hidden', !message);
}

// Whitespace-free, so words the PDF split into runs still meet the passage's text.
const squeeze = text => text.replace(/\s+/g, '');

async function show(number) {
  page = Math.min(Math.max(1, number), pdf.numPages);
  params.set('page', String(page));
  history.replaceState(null, '', `#${params}`);
  $('page-of').textContent = t('viewer.page', page, pdf.numPages);
  $('prev').disabled = page <= 1;
  $('next').disabled = page >= pdf.numPages;
  const pdfPage = await pdf.getPage(page);
  const width = Math.min($('pdf-page').parentElement.clientWidth - 32, 1100);
  const viewport = pdfPage.getViewport({ scale: width / pdfPage.getViewport({ scale: 1 }).width });
  const canvas = $('pdf-canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  const box = $('pdf-page');
  box.style.setProperty('--scale-factor', String(viewport.scale));
  await pdfPage.render({ canvasContext: canvas.getContext('2d'), viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null }).promise;
  const layer = $('pdf-text');
  layer.replaceChildren();
  await new pdfjs.TextLayer({ textContentSource: pdfPage.streamTextContent(), container: layer, viewport }).render();
  const wanted = squeeze(passage);
  let marked = 0;
  for (const span of layer.querySelectorAll('span')) {
    const text = squeeze(span.textContent);
    if (text.length >= 2 && wanted.includes(text)) { span.classList.add('cited'); marked += 1; }
  }
  layer.dataset.marked = String(marked);
  say(passage && marked === 0 ? t('viewer.notfound') : '');
  layer.querySelector('span.cited')?.scrollIntoView({ block: 'center' });
}

async function open() {
  const chunk = params.get('chunk');
  const doc = params.get('doc');
  let fileUrl = `/api/documents/${encodeURIComponent(doc)}/file`;
  try {
    if (chunk) {
      const source = await getJson(`/api/sources/${encodeURIComponent(chunk)}`);
      passage = source.passage.text;
      fileUrl = source.fileUrl;
      const d = source.document;
      $('viewer-title').textContent = [d.documentNumber, d.title, d.revision ? t('source.rev', d.revision) : ''].filter(Boolean).join(' · ');
      document.title = `${$('viewer-title').textContent} — IndustryCopilot`;
    }
    const response = await fetch(fileUrl, { headers: headers() });
    if (!response.ok) throw Object.assign(new Error(String(response.status)), { status: response.status });
    pdf = await pdfjs.getDocument({
      data: new Uint8Array(await response.arrayBuffer()),
      cMapUrl: new URL('../vendor/pdfjs/cmaps/', import.meta.url).href,
      cMapPacked: true,
      standardFontDataUrl: new URL('../vendor/pdfjs/standard_fonts/', import.meta.url).href,
      isEvalSupported: false,
    }).promise;
    await show(page);
  } catch (error) {
    say(error.status === 401 ? t('viewer.signin') : t('viewer.failed', error.status || error.message));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  useLanguageOf(undefined, params.get('lang'));
  apply();
  $('lang').addEventListener('click', () => { setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh'); if (pdf) show(page); });
  $('prev').addEventListener('click', () => show(page - 1));
  $('next').addEventListener('click', () => show(page + 1));
  open();
});
