// Every call carries the user's key, or the session cookie of a signed-in person plus its anti-forgery token; the
// page itself is served without either.
const storageKey = 'icp.key';
let antiforgery = '';

// The token is bound to who holds it, so it is fetched again after signing in.
export async function refreshToken() {
  const response = await fetch('/api/auth/antiforgery');
  antiforgery = response.ok ? (await response.json()).token : '';
  return antiforgery;
}

export function key() { return sessionStorage.getItem(storageKey) || localStorage.getItem(storageKey) || ''; }

export function remember(value, persist) {
  sessionStorage.setItem(storageKey, value);
  if (persist) localStorage.setItem(storageKey, value);
}

export function forget() {
  sessionStorage.removeItem(storageKey);
  localStorage.removeItem(storageKey);
}

export function headers(extra = {}) {
  const h = { ...extra };
  if (key()) h['X-Api-Key'] = key();
  else if (antiforgery) h['X-CSRF-TOKEN'] = antiforgery;
  return h;
}

export async function getJson(path) {
  const response = await fetch(path, { headers: headers() });
  if (!response.ok) throw Object.assign(new Error(`${response.status} ${path}`), { status: response.status });
  return response.json();
}

export async function send(method, path, body) {
  return fetch(path, { method, headers: headers({ 'Content-Type': 'application/json' }), body: body === undefined ? undefined : JSON.stringify(body) });
}

// POST /api/ask/stream and hand each server-sent event (name, parsed data) to onEvent as it arrives.
// An aborted signal (the Stop button) ends the request; the server stops generating when the connection closes.
export async function stream(path, body, onEvent, signal) {
  const response = await fetch(path, { method: 'POST', headers: headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }), body: JSON.stringify(body), signal });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
    onEvent('error', { status: response.status, title: problem.title || response.statusText, detail: problem.detail, retryAfter });
    return;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}

// Downloads with the key (a plain link could not send the key header) and saves the file under its real name.
export async function download(path, name) {
  const response = await fetch(path, { headers: headers() });
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name || '';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
