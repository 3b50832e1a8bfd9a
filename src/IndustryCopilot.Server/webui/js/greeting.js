import { t, currentLanguage, when } from './i18n.js';
import { getJson } from './api.js';
import { element as node } from './dom.js';

const $ = id => document.getElementById(id);


// The empty chat page: what the copilot knows (documents by type, languages, last indexed) and example questions
// made from the caller's own documents; clicking one asks it.
export async function showGreeting() {
  const messages = $('messages');
  if (messages.children.length) return;
  const overview = await getJson(`/api/overview?lang=${currentLanguage()}`).catch(() => null);
  if (!overview || messages.children.length) return;
  const box = node('div', 'greeting');
  box.id = 'greeting';
  box.append(node('h2', '', t('greeting.title')));
  const types = Object.entries(overview.byType).map(([type, count]) => `${type} ${count}`).join(' · ');
  box.append(node('p', '', t('greeting.documents', overview.documents, types || '—')));
  if (overview.languages.length) box.append(node('p', '', t('greeting.languages', overview.languages.map(l => t(`lang.${l}`)).join('、'))));
  if (overview.lastIndexed) box.append(node('p', 'muted', t('greeting.indexed', when(overview.lastIndexed))));
  if (overview.examples.length) {
    box.append(node('h4', '', t('greeting.try')));
    const list = node('ul', 'examples');
    for (const example of overview.examples) {
      const item = node('li');
      const ask = node('button', 'link example', example);
      ask.type = 'button';
      ask.addEventListener('click', () => { $('question').value = example; $('ask-form').requestSubmit(); });
      item.append(ask);
      list.append(item);
    }
    box.append(list);
  }
  messages.append(box);
}
