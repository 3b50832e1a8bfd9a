import { apply, setLanguage, currentLanguage, t } from './i18n.js';
import { getJson, remember, forget, key } from './api.js';
import { initChat } from './chat.js';
import { initDocuments, loadDocuments } from './documents.js';

const $ = id => document.getElementById(id);

function show(view) {
  for (const id of ['chat', 'documents']) $(id).classList.toggle('hidden', id !== view);
  document.querySelectorAll('.tab').forEach(tab => tab.classList.toggle('active', tab.dataset.view === view));
  if (view === 'documents') loadDocuments();
}

// Signed in when /api/me answers: with a stored key, or without one where the server allows loopback callers.
async function start() {
  try {
    const session = await getJson('/api/me');
    $('login').classList.add('hidden');
    $('who').textContent = `${session.name} · ${session.role}${session.model ? ' · ' + session.model : ''}`;
    $('logout').classList.toggle('hidden', !key());
    initDocuments(session);
    show('chat');
    $('question').focus();
  } catch (error) {
    if (error.status !== 401) throw error;
    $('login').classList.remove('hidden');
    if (key()) $('login-error').textContent = t('login.invalid');
    forget();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  apply();
  initChat();
  $('lang').addEventListener('click', () => setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh'));
  document.querySelectorAll('.tab').forEach(tab => tab.addEventListener('click', () => show(tab.dataset.view)));
  $('logout').addEventListener('click', () => { forget(); location.reload(); });
  $('login-form').addEventListener('submit', event => {
    event.preventDefault();
    remember($('key').value.trim(), $('remember').checked);
    start();
  });
  start();
});
