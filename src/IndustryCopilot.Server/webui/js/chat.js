import { t } from './i18n.js';
import { element } from './dom.js';
import { stream, send, getJson, openFile } from './api.js';
import { render } from './markdown.js';
import { showGreeting } from './greeting.js';

const $ = id => document.getElementById(id);
let conversationId = newId();

// crypto.randomUUID needs a secure context, which an intranet server on plain HTTP is not.
function newId() { return Date.now().toString(36) + Math.random().toString(36).slice(2, 10); }


// The answer text with each [n] turned into a chip that opens citation n; a generated answer's Markdown is rendered
// (lists, tables, code), always as DOM text, never as HTML.
function renderAnswer(container, text, citations, rich) {
  container.replaceChildren();
  const byNumber = new Map((citations || []).map(c => [c.number, c]));
  render(container, text, (number, raw) => byNumber.has(number) ? chip(byNumber.get(number)) : document.createTextNode(raw), rich);
}

function chip(citation) {
  const button = element('button', 'chip', String(citation.number));
  button.type = 'button';
  button.title = citation.line;
  button.dataset.chunk = citation.chunkId;
  button.addEventListener('click', () => showSource(citation));
  return button;
}

function where(passage) {
  const parts = [passage.sectionPath];
  if (passage.clause && !passage.sectionPath.startsWith(passage.clause) && !passage.sectionPath.endsWith(passage.clause)) parts.push(t('source.clause', passage.clause));
  if (passage.pageStart) parts.push(t('source.page', passage.pageEnd && passage.pageEnd !== passage.pageStart ? `${passage.pageStart}–${passage.pageEnd}` : passage.pageStart));
  if (passage.tableLabel) parts.push(passage.tableLabel);
  return parts.join(' · ');
}

async function showSource(citation) {
  const source = await getJson(`/api/sources/${encodeURIComponent(citation.chunkId)}`);
  const d = source.document;
  $('source-title').textContent = [d.documentNumber, d.title, d.revision].filter(Boolean).join(' — ');
  $('source-where').textContent = where(source.passage);
  $('source-previous').textContent = source.previous ? source.previous.text : '';
  $('source-next').textContent = source.next ? source.next.text : '';
  // The quoted words are marked inside the full passage so the reader sees them in context.
  const text = source.passage.text;
  const at = citation.quote ? text.indexOf(citation.quote) : -1;
  const passage = $('source-text');
  passage.replaceChildren();
  if (at >= 0) {
    passage.append(document.createTextNode(text.slice(0, at)), element('mark', '', citation.quote), document.createTextNode(text.slice(at + citation.quote.length)));
  } else {
    passage.textContent = text;
  }
  $('source-open').onclick = () => openFile(source.fileUrl, source.passage.pageStart ? `#page=${source.passage.pageStart}` : '');
  $('source-panel').classList.remove('hidden');
}

function feedbackBar(answerId) {
  const bar = element('div', 'feedback');
  const up = element('button', 'link', '▲ ' + t('feedback.up'));
  const down = element('button', 'link', '▼ ' + t('feedback.down'));
  const comment = element('input', 'comment hidden');
  comment.placeholder = t('feedback.comment');
  const submit = element('button', 'link hidden', t('feedback.send'));
  let rating = null;
  const choose = value => { rating = value; comment.classList.remove('hidden'); submit.classList.remove('hidden'); };
  up.type = down.type = submit.type = 'button';
  up.addEventListener('click', () => choose('up'));
  down.addEventListener('click', () => choose('down'));
  submit.addEventListener('click', async () => {
    const response = await send('POST', '/api/feedback', { answerId, rating, comment: comment.value || null });
    if (response.ok) bar.replaceChildren(element('span', 'muted', t('feedback.thanks')));
  });
  bar.append(up, down, comment, submit);
  return bar;
}

// The badge says what the answer claims: quoted or generated answers, "closest passages — not an answer", or
// nothing found. A closest-passages reply is styled apart and its sources are headed as such, never as an answer's.
function complete(view, answer) {
  const badge = answer.outcome === 'closest' ? 'closest' : answer.outcome === 'notFound' ? 'refused' : answer.mode;
  view.mode.textContent = t(`mode.${badge}`);
  view.mode.className = `mode ${badge}`;
  view.box.dataset.outcome = answer.outcome;
  if (answer.outcome === 'closest') view.box.classList.add('closest');
  renderAnswer(view.text, answer.answer, answer.citations, answer.mode === 'generated');
  if (answer.notice) view.box.insertBefore(element('p', 'notice', answer.notice), view.text);
  if (answer.citations.length) {
    const list = element('ul', 'citations');
    for (const c of answer.citations) {
      const item = element('li');
      item.append(chip(c), document.createTextNode(' ' + c.line.replace(/^\[\d+\]\s*/, '')));
      // A source in the other language than the question is marked, so nobody takes the quote for a translation.
      if ((c.language === 'en' || c.language === 'zh') && answer.language && c.language !== answer.language) {
        item.append(' ', element('span', 'lang-tag', t(`source.lang.${c.language}`)));
      }
      list.append(item);
    }
    view.box.append(element('h4', '', t(answer.outcome === 'closest' ? 'answer.closest' : 'answer.sources')), list);
  }
  if (answer.suggestions && answer.suggestions.length) {
    const list = element('ul', 'suggestions');
    answer.suggestions.forEach(s => list.append(element('li', '', [s.documentNumber, s.title, s.sectionPath].filter(Boolean).join(' — '))));
    view.box.append(element('h4', '', t('answer.suggestions')), list);
  }
  view.box.append(copyButton(answer), feedbackBar(answer.answerId));
  view.box.dataset.answerId = answer.answerId;
}

// A kept answer that cited a document the person may no longer see: nothing of it, only why.
function withheld(view, notice) {
  view.mode.textContent = t('mode.withheld');
  view.mode.className = 'mode refused';
  view.box.dataset.outcome = 'withheld';
  view.text.replaceChildren(element('p', 'notice', t('answer.withheld')));
  if (notice) view.text.title = notice;
}

// Copies the answer with its sources as plain text (for a report or a shift log).
function copyButton(answer) {
  const button = element('button', 'link copy', t('answer.copy'));
  button.type = 'button';
  button.addEventListener('click', async () => {
    const sources = answer.citations.map(c => c.line).join('\n');
    await navigator.clipboard?.writeText(sources ? `${answer.answer}\n\n${sources}` : answer.answer).catch(() => {});
    button.textContent = t('admin.copied');
  });
  return button;
}

function showTurn(question) {
  const messages = $('messages');
  messages.append(element('div', 'message user', question));
  const box = element('div', 'message answer');
  const view = { box, mode: element('span', 'mode pending', t('answer.thinking')), text: element('div', 'text') };
  box.append(view.mode, view.text);
  messages.append(box);
  return view;
}

/** Reopens a kept conversation: its answers as served, and follow-ups continue it. */
export async function openConversation(id) {
  const conversation = await getJson(`/api/conversations/${encodeURIComponent(id)}`);
  conversationId = conversation.id;
  $('messages').replaceChildren();
  $('source-panel').classList.add('hidden');
  for (const turn of conversation.turns) {
    const view = showTurn(turn.question);
    if (turn.redacted) withheld(view, turn.notice);
    else complete(view, turn.answer);
  }
}

/** Starts a new conversation (also after the open one was deleted). */
export function newConversation() {
  conversationId = newId();
  $('messages').replaceChildren();
  $('source-panel').classList.add('hidden');
  showGreeting();
}

export function currentConversation() { return conversationId; }

let stopping = null;

async function ask(question) {
  $('greeting')?.remove();
  const view = showTurn(question);
  const box = view.box;
  box.scrollIntoView({ block: 'end' });
  let streamed = '';
  stopping = new AbortController();
  $('stop').classList.remove('hidden');
  try {
  await stream('/api/ask/stream', { question, conversationId, channel: 'web' }, (name, data) => {
    if (name === 'token') {
      // Verified sentences only, as each passes the check; the final answer (with its sources) replaces them when done.
      streamed += data.text;
      view.text.textContent = streamed;
      box.dataset.tokens = String(Number(box.dataset.tokens || 0) + 1);
    } else if (name === 'done') {
      complete(view, data);
    } else if (name === 'error') {
      view.mode.textContent = '';
      view.text.textContent = data.status === 429 ? t('answer.busy', data.retryAfter ?? 5) : t('answer.failed', data.detail || data.title);
      view.box.classList.add('failed');
    }
  }, stopping.signal);
  } catch (error) {
    if (error.name !== 'AbortError') throw error;
    // Stopped by the person: the verified sentences shown so far stay, marked as stopped (their sources were not listed yet).
    view.mode.textContent = t('answer.stopped');
    view.mode.className = 'mode stopped';
    box.dataset.stopped = 'true';
  } finally {
    $('stop').classList.add('hidden');
    stopping = null;
  }
  box.scrollIntoView({ block: 'end' });
  document.dispatchEvent(new CustomEvent('icp:answered'));
}

export function initChat() {
  $('ask-form').addEventListener('submit', async event => {
    event.preventDefault();
    const question = $('question').value.trim();
    if (!question) return;
    $('question').value = '';
    $('ask').disabled = true;
    try { await ask(question); } finally { $('ask').disabled = false; $('question').focus(); }
  });
  $('question').addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); $('ask-form').requestSubmit(); }
  });
  $('new-conversation').addEventListener('click', newConversation);
  $('stop').addEventListener('click', () => stopping?.abort());
  $('source-close').addEventListener('click', () => $('source-panel').classList.add('hidden'));
}
