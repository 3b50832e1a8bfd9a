import { t } from './i18n.js';
import { getJson, send } from './api.js';
import { openConversation, newConversation, currentConversation } from './chat.js';

const $ = id => document.getElementById(id);

function button(className, text, title, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  if (title) b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

// The caller's kept conversations, most recent first: open, rename, delete. Titles are set as text, never as HTML.
export async function loadHistory() {
  const conversations = await getJson('/api/conversations').catch(() => []);
  $('history-list').replaceChildren(...conversations.map(c => {
    const item = document.createElement('li');
    item.dataset.conversation = c.id;
    item.classList.toggle('active', c.id === currentConversation());
    item.append(
      button('link open', c.title, c.title, async () => { await openConversation(c.id); await loadHistory(); }),
      button('link rename', '✎', t('history.rename'), async () => {
        const title = prompt(t('history.rename'), c.title);
        if (!title || !title.trim()) return;
        await send('PATCH', `/api/conversations/${encodeURIComponent(c.id)}`, { title: title.trim() });
        await loadHistory();
      }),
      button('link danger delete', '×', t('history.delete'), async () => {
        if (!confirm(t('history.confirm', c.title))) return;
        await send('DELETE', `/api/conversations/${encodeURIComponent(c.id)}`);
        if (c.id === currentConversation()) newConversation();
        await loadHistory();
      }));
    return item;
  }));
  $('history').classList.toggle('hidden', conversations.length === 0);
  filter();
}

// Search in history: conversations whose title holds the typed words (titles are the first questions).
function filter() {
  const words = $('history-search').value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  for (const item of $('history-list').children) {
    const title = item.querySelector('.open').textContent.toLowerCase();
    item.classList.toggle('hidden', !words.every(w => title.includes(w)));
  }
}

export function initHistory() {
  document.addEventListener('icp:answered', loadHistory);
  $('history-search').addEventListener('input', filter);
}
