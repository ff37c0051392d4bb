// The console's pages and who may use them: the one list the navigation of every console page is drawn from.
// A new page (say, recordings.html) is one line here plus its HTML skeleton (see chat-gateway/README.md).

import { h } from './dom.js';

/** In display order; `roles`: the realm roles that see the page (any one of them). */
export const CONSOLE_PAGES = [
  { id: 'agent-console', href: './', label: 'Agent console', roles: ['agent'] },
  { id: 'dashboard', href: 'dashboard.html', label: 'Supervisor dashboard', roles: ['supervisor', 'admin'] },
  { id: 'campaigns', href: 'admin.html', label: 'Campaigns', roles: ['admin', 'supervisor'] },
];

/** The pages `roles` may open. */
export function pagesFor(roles) {
  return CONSOLE_PAGES.filter((page) => page.roles.some((role) => roles.includes(role)));
}

function isCurrent(page) {
  const path = (url) => url.pathname.replace(/\/index\.html$/, '/');
  return path(new URL(page.href, location.href)) === path(location);
}

/** Fills the page's <nav id="console-nav"> with links to the pages of `roles`; the current page is marked. */
export function renderNav(roles) {
  const nav = document.getElementById('console-nav');
  if (!nav) return;
  nav.replaceChildren(...pagesFor(roles).map((page) => h('a', {
    href: page.href, testid: `nav-${page.id}`, 'aria-current': isCurrent(page) ? 'page' : false,
  }, page.label)));
}
