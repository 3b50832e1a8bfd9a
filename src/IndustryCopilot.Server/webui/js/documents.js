import { t } from './i18n.js';
import { cell } from './dom.js';
import { getJson, send, headers } from './api.js';

const $ = id => document.getElementById(id);
let editor = false;
let admin = false;

export async function loadDocuments() {
  const documents = await getJson('/api/documents');
  const rows = documents.map(d => {
    const row = document.createElement('tr');
    cell(row, d.title); cell(row, d.documentNumber); cell(row, d.revision); cell(row, d.pageCount || '');
    cell(row, d.chunkCount); cell(row, d.accessGroups.join(', '));
    const status = cell(row, t(`status.${d.status}`));
    if (d.heldPassages > 0) {
      // Passages addressing an assistant are kept out of answers until an admin has reviewed them.
      const mark = document.createElement('span');
      mark.className = d.heldReleased ? 'held released' : 'held';
      mark.textContent = ' · ' + t(d.heldReleased ? 'docs.heldReleased' : 'docs.held', d.heldPassages);
      mark.title = d.heldReason || '';
      status.append(mark);
      row.dataset.held = d.heldReleased ? 'released' : 'held';
    }
    const actions = cell(row, '');
    if (admin && d.heldPassages > 0 && !d.heldReleased) {
      const release = document.createElement('button');
      release.type = 'button';
      release.className = 'link';
      release.textContent = t('docs.release');
      release.addEventListener('click', async () => {
        if (!confirm(t('docs.releaseConfirm', d.title, d.heldReason || ''))) return;
        await send('POST', `/api/documents/${d.id}/release`);
        await loadDocuments();
      });
      actions.append(release);
    }
    if (editor && d.origin === 'upload') {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link danger';
      remove.textContent = t('docs.delete');
      remove.addEventListener('click', async () => {
        if (!confirm(t('docs.confirm', d.title))) return;
        await send('DELETE', `/api/documents/${d.id}`);
        await loadDocuments();
      });
      actions.append(remove);
    }
    return row;
  });
  $('document-rows').replaceChildren(...rows);
}

// XMLHttpRequest rather than fetch: only it reports upload progress.
function upload(form) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/documents');
    Object.entries(headers()).forEach(([k, v]) => request.setRequestHeader(k, v));
    request.upload.onprogress = e => { if (e.lengthComputable) $('upload-progress').value = Math.round(100 * e.loaded / e.total); };
    request.onload = () => (request.status === 202 ? resolve(JSON.parse(request.responseText)) : reject(new Error(request.responseText || request.statusText)));
    request.onerror = () => reject(new Error(request.statusText));
    request.send(form);
  });
}

async function follow(job, item) {
  for (;;) {
    const current = await getJson(`/api/jobs/${job.id}`);
    item.textContent = `${current.fileName}: ${t(`job.${current.state}`)}${current.error ? ' — ' + current.error : ''}`;
    item.className = `job ${current.state}`;
    if (current.state === 'indexed' || current.state === 'failed') return;
    await new Promise(r => setTimeout(r, 500));
  }
}

export function initDocuments(session) {
  editor = session.role === 'editor' || session.role === 'admin';
  admin = session.role === 'admin';
  $('upload-form').classList.toggle('hidden', !editor);
  $('upload-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = new FormData();
    for (const file of $('upload-files').files) form.append('file', file);
    if ($('upload-groups').value) form.append('groups', $('upload-groups').value);
    if ($('upload-revision').value) form.append('revision', $('upload-revision').value);
    if ($('upload-doctype').value) form.append('docType', $('upload-doctype').value);
    $('upload-progress').classList.remove('hidden');
    $('upload-progress').value = 0;
    const jobs = $('upload-jobs');
    try {
      const accepted = await upload(form);
      await Promise.all(accepted.jobs.map(job => {
        const item = document.createElement('li');
        jobs.append(item);
        return follow(job, item);
      }));
    } catch (error) {
      const item = document.createElement('li');
      item.className = 'job failed';
      item.textContent = error.message;
      jobs.append(item);
    }
    $('upload-progress').classList.add('hidden');
    await loadDocuments();
  });
}
