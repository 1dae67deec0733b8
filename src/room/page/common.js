// Shared by the dashboard's pages: the instructor token (taken out of the address bar), API calls, element making.
'use strict';

/** The token from ?token=, kept for this tab only and removed from the address shown on the projector. */
const steplabToken = (() => {
  const url = new URL(location.href);
  const given = url.searchParams.get('token');
  if (given) {
    sessionStorage.setItem('steplab-token', given);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search);
  }
  return sessionStorage.getItem('steplab-token') || '';
})();

/** Call the room's API with the token; resolves with the JSON, or rejects with the room's message. */
async function api(path, body) {
  const init = { headers: { authorization: `Bearer ${steplabToken}` } };
  if (body !== undefined) Object.assign(init, { method: 'POST', body: JSON.stringify(body), headers: { ...init.headers, 'content-type': 'application/json' } });
  const r = await fetch(path, init);
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(data.error || `HTTP ${r.status}`);
  return data;
}

/** An element with text (never HTML: names and messages come from learners) and attributes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, String(v));
  }
  for (const c of children) node.append(c);
  return node;
}

/** Show an error at the top of the page, or hide it. */
function showError(message) {
  const p = document.getElementById('error');
  p.hidden = !message;
  p.textContent = message || '';
}

/** "12:04:31" */
const clock = (ms) => new Date(ms).toLocaleTimeString([], { hour12: false });
