// The one sign-in bootstrap of the console pages (agent console, dashboard, campaigns): loads the OIDC settings,
// finishes a login redirect or resumes the tab's tokens, checks the page's roles, and shows either the sign-in
// screen or the page. Every page has the same skeleton: a header with <nav id="console-nav"> and a hidden
// #session block (with #user-name and #logout), and the page's own <main> (hidden until signed in); the sign-in
// screen is made here.

import { Auth } from './auth.js';
import { h } from './dom.js';
import { renderNav } from './nav.js';

/** The realm roles of the signed-in user (access token), [] when signed out. */
export function rolesOf(auth) {
  return auth?.claims.realm_access?.roles || [];
}

/** The signed-in user's name for display. */
export function userName(auth) {
  const claims = auth.claims;
  return claims.name || claims.preferred_username || '';
}

/**
 * Resolves the signed-in Auth once the user may use this page; otherwise shows the sign-in screen and resolves null.
 *
 * heading: what the sign-in screen asks for; roles: any one of them opens the page (null: every signed-in user);
 * refusal(auth): why a signed-in user without those roles may not; main: the page's element shown once signed in;
 * beforeSignOut(): false cancels the sign-out; onSessionOver(): the session ended (the sign-in screen follows).
 */
export async function signIn({ heading, roles = null, refusal = () => 'This page is not for your account.', main,
  beforeSignOut = () => true, onSessionOver = () => {} }) {
  const screen = new SignInScreen(heading, main);
  let auth;
  try {
    auth = await Auth.create();
  } catch (error) {
    screen.show(error.message, { canSignIn: false });
    return null;
  }
  // Come back to this page, not to the console's folder, after signing in.
  auth.redirectUri = location.origin + location.pathname;
  screen.action = () => auth.login();
  let signedIn = false;
  try {
    signedIn = await auth.init();
  } catch (error) {
    screen.show(error.message);
    return null;
  }
  renderNav(rolesOf(auth));
  if (!signedIn) {
    screen.show('');
    return null;
  }
  if (roles && !roles.some((role) => rolesOf(auth).includes(role))) {
    // The server would refuse every request; say why instead.
    screen.show(refusal(auth), { buttonLabel: 'Sign in as another user', action: () => auth.logout() });
    return null;
  }
  auth.addEventListener('session-over', () => {
    onSessionOver();
    renderNav([]);
    screen.show('Your session has ended. Please sign in again.', { action: () => auth.login() });
  });
  document.getElementById('logout').addEventListener('click', () => {
    if (beforeSignOut() !== false) auth.logout();
  });
  screen.hide();
  return auth;
}

/** The sign-in screen: a heading, a message and one button (sign in, or sign in as someone else). */
class SignInScreen {
  constructor(heading, main) {
    this.main = main;
    this.session = document.getElementById('session');
    this.action = () => {};
    this.message = h('p', { id: 'login-message', class: 'login-message', role: 'alert' });
    this.button = h('button', { type: 'button', class: 'primary', id: 'login-button', testid: 'console-login', onclick: () => this.run() }, 'Sign in');
    this.section = h('section', { class: 'login', id: 'login', hidden: true, 'aria-labelledby': 'login-title' },
      h('h2', { id: 'login-title' }, heading), this.message, this.button);
    document.querySelector('header.topbar').after(this.section);
    this.title = document.title;
  }

  async run() {
    this.button.disabled = true;
    try {
      await this.action();
    } catch (error) {
      this.message.textContent = error.message;
      this.button.disabled = false;
    }
  }

  show(message, { canSignIn = true, buttonLabel = 'Sign in', action = this.action } = {}) {
    this.main.hidden = true;
    this.session.hidden = true;
    this.section.hidden = false;
    this.message.textContent = message;
    this.button.hidden = !canSignIn;
    this.button.disabled = false;
    this.button.textContent = buttonLabel;
    this.action = action;
    document.title = this.title;
  }

  hide() {
    this.section.hidden = true;
    this.session.hidden = false;
    this.main.hidden = false;
  }
}
