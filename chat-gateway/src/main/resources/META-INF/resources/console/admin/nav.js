// Shows the agent console's "Campaigns" link to signed-in admins and supervisors (supervisors get
// the read-only view). Standalone so the console's own app.js stays untouched: it re-checks the
// stored token (auth.js's sessionStorage entry) whenever the console switches between its sign-in
// and signed-in screens; an admin who is not an agent stays on the sign-in screen, so both count.

import { decodeJwt } from '../shared/auth.js';

const TOKENS_KEY = 'chatsuite.console.tokens';
const link = document.getElementById('nav-campaigns');

function update() {
  let roles = [];
  try {
    const tokens = JSON.parse(sessionStorage.getItem(TOKENS_KEY) || 'null');
    roles = decodeJwt(tokens?.accessToken || '').realm_access?.roles || [];
  } catch {
    roles = [];
  }
  link.hidden = !(roles.includes('admin') || roles.includes('supervisor'));
}

if (link) {
  const observer = new MutationObserver(update);
  for (const id of ['session', 'login']) {
    const el = document.getElementById(id);
    if (el) observer.observe(el, { attributes: true, attributeFilter: ['hidden'] });
  }
  update();
}
