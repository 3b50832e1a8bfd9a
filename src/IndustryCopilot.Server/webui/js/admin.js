import { t, when } from './i18n.js';
import { cell } from './dom.js';
import { getJson, send } from './api.js';

const $ = id => document.getElementById(id);

// Keys as the server lists them (never the keys themselves), with a revoke button on the active ones.
export async function loadAdmin() {
  const keys = await getJson('/api/admin/keys');
  $('key-rows').replaceChildren(...keys.map(k => {
    const row = document.createElement('tr');
    row.dataset.key = k.name;
    cell(row, k.name); cell(row, k.role); cell(row, k.groups.join(', ')); cell(row, when(k.created));
    cell(row, k.lastUsed ? when(k.lastUsed) : t('admin.never'));
    cell(row, k.revoked ? t('admin.revoked') : t('admin.active'));
    const actions = cell(row, '');
    if (!k.revoked) {
      const revoke = document.createElement('button');
      revoke.type = 'button';
      revoke.className = 'link danger';
      revoke.textContent = t('admin.revoke');
      revoke.addEventListener('click', async () => {
        if (!confirm(t('admin.confirm', k.name))) return;
        await send('DELETE', `/api/admin/keys/${encodeURIComponent(k.id)}`);
        await loadAdmin();
      });
      actions.append(revoke);
    }
    return row;
  }));
  const settings = await getJson('/api/admin/sign-in');
  $('signin-settings').textContent = t('admin.settings', settings.directory ? t('admin.on') : t('admin.off'),
    settings.singleSignOn || t('admin.off'), settings.unmappedUsers, settings.refreshMinutes);
  $('groupmap-rows').replaceChildren(...settings.groupMap.map(m => {
    const row = document.createElement('tr');
    cell(row, m.directory); cell(row, m.groups.join(', ')); cell(row, m.role);
    return row;
  }));
}

export function initAdmin() {
  $('key-form').addEventListener('submit', async event => {
    event.preventDefault();
    $('key-error').textContent = '';
    const groups = $('key-groups').value.split(',').map(g => g.trim()).filter(Boolean);
    const response = await send('POST', '/api/admin/keys', { name: $('key-name').value.trim(), role: $('key-role').value, groups });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      $('key-error').textContent = Object.values(body.errors || {}).flat().join(' ') || body.title || response.statusText;
      return;
    }
    $('new-key-value').textContent = body.key;
    $('new-key').classList.remove('hidden');
    $('key-form').reset();
    await loadAdmin();
  });
  $('new-key-copy').addEventListener('click', async () => {
    await navigator.clipboard?.writeText($('new-key-value').textContent).catch(() => {});
    $('new-key-copy').textContent = t('admin.copied');
  });
}
