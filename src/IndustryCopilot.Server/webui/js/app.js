import { apply, setLanguage, currentLanguage, useLanguageOf, t } from './i18n.js';
import { getJson, remember, forget, key, refreshToken, send } from './api.js';
import { initChat } from './chat.js';
import { initSource, openFromAddress } from './source.js';
import { showGreeting } from './greeting.js';
import { initDocuments, loadDocuments } from './documents.js';
import { initAdmin, loadAdmin } from './admin.js';
import { initHistory, loadHistory } from './history.js';

const $ = id => document.getElementById(id);
let session = null;

function show(view) {
  for (const id of ['chat', 'documents', 'admin']) $(id).classList.toggle('hidden', id !== view);
  document.querySelectorAll('.tab').forEach(tab => tab.classList.toggle('active', tab.dataset.view === view));
  if (view === 'documents') loadDocuments();
  if (view === 'admin') loadAdmin();
}

// The sign-in page offers what the server has on: the directory form, a single sign-on button, and always the key.
async function showSignIn(message) {
  const methods = await getJson('/api/auth/methods').catch(() => ({ directory: false, singleSignOn: null }));
  useLanguageOf('', methods.defaultLanguage ?? null);
  $('directory-form').classList.toggle('hidden', !methods.directory);
  $('sso').classList.toggle('hidden', !methods.singleSignOn);
  if (methods.singleSignOn) $('sso').textContent = t('signin.sso', methods.singleSignOn);
  $('key-login').open = !methods.directory && !methods.singleSignOn;
  $('signin-error').textContent = message || '';
  for (const id of ['chat', 'documents', 'admin']) $(id).classList.add('hidden');
  $('login').classList.remove('hidden');
  if (methods.directory) $('directory-user').focus();
}

// Signed in when /api/me answers: with a stored key, a session cookie, or without either where the server lets
// loopback callers in.
async function start(message) {
  await refreshToken();
  try {
    session = await getJson('/api/me');
  } catch (error) {
    if (error.status !== 401) throw error;
    if (key()) message = t('login.invalid');
    forget();
    await showSignIn(message);
    return;
  }
  const methods = await getJson('/api/auth/methods').catch(() => ({}));
  // The person's own language choice, else the plant's default.
  useLanguageOf(session.name, methods.defaultLanguage ?? null);
  $('login').classList.add('hidden');
  $('who').textContent = `${session.name} · ${session.role}${session.model ? ' · ' + session.model : ''}`;
  $('logout').classList.toggle('hidden', session.method === 'anonymous');
  $('signin').classList.toggle('hidden', !(session.method === 'anonymous' && (methods.directory || methods.singleSignOn)));
  initDocuments(session);
  $('admin-tab').classList.toggle('hidden', session.role !== 'admin');
  show('chat');
  loadHistory();
  showGreeting();
  $('question').focus();
  await openFromAddress();
}

async function signInWithDirectory(event) {
  event.preventDefault();
  const response = await send('POST', '/api/auth/ldap', { userName: $('directory-user').value, password: $('directory-password').value });
  $('directory-password').value = '';
  if (response.ok) { start(); return; }
  const reason = { 401: 'signin.wrong', 429: 'signin.locked', 503: 'signin.down', 403: 'signin.noaccess' }[response.status] || 'signin.failed';
  $('signin-error').textContent = t(reason);
}

// A person's sign-out is a form post carrying the token (it may continue to the identity provider); a key is forgotten.
async function signOut() {
  if (session && (session.method === 'ldap' || session.method === 'oidc')) {
    $('signout-token').value = await refreshToken();
    $('signout-form').submit();
    return;
  }
  forget();
  location.reload();
}

document.addEventListener('DOMContentLoaded', () => {
  apply();
  initChat();
  initSource();
  initAdmin();
  initHistory();
  $('lang').addEventListener('click', () => setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh'));
  // The greeting and the tables are written in the page's language: rewrite them when it changes.
  document.addEventListener('icp:language', () => {
    if ($('greeting')) { $('greeting').remove(); showGreeting(); }
    if (!$('documents').classList.contains('hidden')) loadDocuments();
    if (!$('admin').classList.contains('hidden')) loadAdmin();
  });
  document.querySelectorAll('.tab').forEach(tab => tab.addEventListener('click', () => show(tab.dataset.view)));
  $('logout').addEventListener('click', signOut);
  $('signin').addEventListener('click', () => showSignIn());
  $('sso').addEventListener('click', () => { location.href = '/auth/oidc?returnUrl=/'; });
  $('directory-form').addEventListener('submit', signInWithDirectory);
  $('login-form').addEventListener('submit', event => {
    event.preventDefault();
    remember($('key').value.trim(), $('remember').checked);
    start();
  });
  const outcome = new URLSearchParams(location.search).get('signin');
  start(outcome === 'refused' ? t('signin.refused') : outcome === 'failed' ? t('signin.failed') : '');
});
