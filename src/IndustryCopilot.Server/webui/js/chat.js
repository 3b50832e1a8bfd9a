import { t } from './i18n.js';
import { element } from './dom.js';
import { stream, send, getJson } from './api.js';
import { showGreeting } from './greeting.js';
import { renderAnswer, sourceList, relatedQuestions } from './answer.js';
import { closeSource, showSource } from './source.js';

const $ = id => document.getElementById(id);
let conversationId = newId();

/** How long an answer may take before the page gives up on it (the question is kept for a retry). */
const answerTimeoutSeconds = 180;

// crypto.randomUUID needs a secure context, which an intranet server on plain HTTP is not.
function newId() { return Date.now().toString(36) + Math.random().toString(36).slice(2, 10); }

function feedbackBar(answerId) {
  const bar = element('div', 'feedback');
  const up = element('button', 'link', '▲ ' + t('feedback.up'));
  const down = element('button', 'link', '▼ ' + t('feedback.down'));
  const comment = element('input', 'comment hidden');
  comment.placeholder = t('feedback.comment');
  comment.setAttribute('aria-label', t('feedback.comment'));
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

// The badge says what the answer claims: quoted or generated answers, "closest passages — not an answer" (with why,
// in plain words), or nothing found (with questions the documents do answer).
function complete(view, answer, question) {
  const badge = answer.outcome === 'closest' ? 'closest' : answer.outcome === 'notFound' ? 'refused' : answer.mode;
  view.mode.textContent = t(`mode.${badge}`);
  view.mode.className = `mode ${badge}`;
  view.box.dataset.outcome = answer.outcome;
  view.box.classList.toggle('closest', answer.outcome === 'closest');
  view.box.classList.remove('failed');
  view.box.querySelectorAll('.reason, .choice, .notice, .after').forEach(e => e.remove());
  renderAnswer(view.text, answer);
  const before = [];
  if (answer.reason) before.push(element('p', 'reason', t('answer.why') + answer.reason));
  if (answer.choice) before.push(element('p', 'choice', answer.choice));
  if (answer.notice) before.push(element('p', 'notice', answer.notice));
  if (answer.revision) before.push(revisionNote(answer.revision));
  before.forEach(e => view.box.insertBefore(e, view.text));
  const after = element('div', 'after');
  if (answer.citations.length) {
    after.append(element('h4', '', t(answer.outcome === 'closest' ? 'answer.closest' : 'answer.sources')), sourceList(answer));
  }
  if (answer.related && answer.related.length) {
    after.append(element('h4', '', t('answer.related')), relatedQuestions(answer.related, ask));
  }
  const actions = element('div', 'answer-actions');
  actions.append(copyButton(answer));
  if (question) {
    const again = element('button', 'link regenerate', t('answer.regenerate'));
    again.type = 'button';
    again.addEventListener('click', () => ask(question));
    actions.append(again);
  }
  after.append(actions, feedbackBar(answer.answerId));
  view.box.append(after);
  view.box.dataset.answerId = answer.answerId;
}

// A question naming an older revision: the answer stays on the current one; this says what the named one said, and
// opens its passage in the sources pane.
function revisionNote(note) {
  const box = element('p', 'revision-note', note.text);
  if (note.chunkId) {
    const open = element('button', 'link', t('answer.revision', note.named));
    open.type = 'button';
    open.addEventListener('click', () => showSource({ chunkId: note.chunkId, quote: note.quote || '', highlights: [] }, open));
    box.append(' ', open);
  }
  return box;
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

// No dead end: what went wrong, the question kept (back in the box if it is empty), and a retry — after the wait the
// server asked for when it was busy.
function failed(view, question, message, waitSeconds) {
  view.mode.textContent = '';
  view.mode.className = 'mode';
  view.box.classList.add('failed');
  view.box.dataset.outcome = 'failed';
  view.text.replaceChildren(element('p', 'notice', message));
  const retry = element('button', 'retry', t('answer.retry'));
  retry.type = 'button';
  retry.addEventListener('click', () => { view.box.previousElementSibling?.remove(); view.box.remove(); ask(question); });
  view.text.append(retry);
  if (waitSeconds > 0) {
    retry.disabled = true;
    const wait = element('span', 'retry-wait', t('answer.retryIn', waitSeconds));
    view.text.append(' ', wait);
    let left = waitSeconds;
    const timer = setInterval(() => {
      left -= 1;
      wait.textContent = t('answer.retryIn', Math.max(0, left));
      if (left <= 0) { clearInterval(timer); retry.disabled = false; wait.remove(); }
    }, 1000);
  }
  if (!$('question').value.trim()) $('question').value = question;
}

/** Reopens a kept conversation: its answers as served, and follow-ups continue it. */
export async function openConversation(id) {
  const conversation = await getJson(`/api/conversations/${encodeURIComponent(id)}`);
  conversationId = conversation.id;
  $('messages').replaceChildren();
  closeSource();
  for (const turn of conversation.turns) {
    const view = showTurn(turn.question);
    if (turn.redacted) withheld(view, turn.notice);
    else complete(view, turn.answer, turn.question);
  }
}

/** Starts a new conversation (also after the open one was deleted). */
export function newConversation() {
  conversationId = newId();
  $('messages').replaceChildren();
  closeSource();
  showGreeting();
}

export function currentConversation() { return conversationId; }

let stopping = null;

export async function ask(question) {
  $('greeting')?.remove();
  const view = showTurn(question);
  const box = view.box;
  box.scrollIntoView({ block: 'end' });
  let streamed = '';
  let done = false;
  const controller = new AbortController();
  stopping = controller;
  const timer = setTimeout(() => controller.abort('timeout'), answerTimeoutSeconds * 1000);
  $('stop').classList.remove('hidden');
  $('ask').disabled = true;
  try {
    await stream('/api/ask/stream', { question, conversationId, channel: 'web' }, (name, data) => {
      if (name === 'token') {
        // Verified sentences only, as each passes the check; the final answer (with its sources) replaces them when done.
        streamed += data.text;
        view.text.textContent = streamed;
        box.dataset.tokens = String(Number(box.dataset.tokens || 0) + 1);
      } else if (name === 'done') {
        done = true;
        complete(view, data, question);
      } else if (name === 'error') {
        done = true;
        if (data.status === 429) failed(view, question, t('answer.busy', data.retryAfter ?? 5), data.retryAfter ?? 5);
        else if (data.status >= 500) failed(view, question, t('answer.server', data.status));
        else failed(view, question, t('answer.failed', data.detail || data.title));
      }
    }, controller.signal);
    if (!done) failed(view, question, t('answer.offline'));
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason === 'timeout') {
      failed(view, question, t('answer.timeout', answerTimeoutSeconds));
    } else if (controller.signal.aborted) {
      // Stopped by the person: the verified sentences shown so far stay, marked as stopped (their sources were not listed yet).
      view.mode.textContent = t('answer.stopped');
      view.mode.className = 'mode stopped';
      box.dataset.stopped = 'true';
    } else {
      failed(view, question, t('answer.offline'));
    }
  } finally {
    clearTimeout(timer);
    $('stop').classList.add('hidden');
    $('ask').disabled = false;
    stopping = null;
  }
  box.scrollIntoView({ block: 'end' });
  document.dispatchEvent(new CustomEvent('icp:answered'));
}

export function initChat() {
  $('ask-form').addEventListener('submit', async event => {
    event.preventDefault();
    const question = $('question').value.trim();
    if (!question || $('ask').disabled) return;
    $('question').value = '';
    await ask(question);
    $('question').focus();
  });
  $('question').addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); $('ask-form').requestSubmit(); }
  });
  $('new-conversation').addEventListener('click', newConversation);
  $('stop').addEventListener('click', () => stopping?.abort('stopped'));
}
