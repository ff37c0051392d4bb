// The widget's UI in a shadow root: the launcher button, the panel with its status line, transcript, error line,
// "ended" box and composer. It renders what the conversation holds and reports the customer's clicks.

import { h } from '../../console/common/dom.js';
import { Composer } from './composer.js';

const ICON_CHAT = '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">'
  + '<path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';
const ICON_CLOSE = '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">'
  + '<path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/></svg>';
const ICON_MINIMIZE = '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">'
  + '<path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" d="M6 12h12"/></svg>';
const ERROR_SHOWN_MS = 8_000;
const STICK_TO_END_PX = 60;

export class WidgetView {
  /**
   * actions: {toggle, minimize, end, newChat, submit, retry(clientId)}; `stylesheet` is the URL of widget.css,
   * which sits beside the bundle under the same version stamp.
   */
  constructor({ t, lang, stylesheet, actions }) {
    this.t = t;
    this.lang = lang;
    // A custom element name: page rules for `div` and the like do not match the host.
    const host = h('chatsuite-widget', { id: 'chatsuite-widget', testid: 'chat-widget' });
    // Hidden until the stylesheet has loaded: no flash of unstyled UI. (display, not visibility:
    // visibility would be inherited, and reset by `all: initial` inside.)
    host.style.setProperty('display', 'none', 'important');
    const root = host.attachShadow({ mode: 'open' }); // open: end-to-end tests pierce it
    const reveal = () => host.style.removeProperty('display');
    const css = h('link', { rel: 'stylesheet', href: stylesheet, onload: reveal, onerror: reveal });

    this.launcher = h('button', {
      type: 'button', class: 'launcher', testid: 'chat-launcher',
      'aria-controls': 'chat-panel', 'aria-expanded': 'false', 'aria-label': t('openChat'), onclick: actions.toggle,
    });
    this.badge = h('span', { class: 'badge', testid: 'chat-unread', hidden: true });
    this.status = h('p', { class: 'status', role: 'status', testid: 'chat-status' });
    this.errorLine = h('p', { class: 'error', 'aria-live': 'polite', testid: 'chat-error', hidden: true });
    this.transcript = h('div', {
      class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-label': t('transcript'),
      tabindex: '0', testid: 'chat-transcript',
      onclick: (e) => {
        const retry = e.target.closest('[data-retry]');
        if (retry) actions.retry(retry.getAttribute('data-retry'));
      },
    });
    this.endButton = h('button', { type: 'button', class: 'end', testid: 'chat-end', text: t('end'), onclick: actions.end });
    const minimizeButton = h('button', {
      type: 'button', class: 'icon', testid: 'chat-close', 'aria-label': t('minimize'), title: t('minimize'),
      onclick: actions.minimize,
    });
    minimizeButton.innerHTML = ICON_MINIMIZE;
    this.composer = new Composer({ t, onSubmit: actions.submit });
    this.newChatButton = h('button', { type: 'button', class: 'new-chat', testid: 'chat-new', text: t('newChat'), onclick: actions.newChat });
    // The status line and the transcript already say that the chat ended.
    this.endedBox = h('div', { class: 'ended', testid: 'chat-ended', hidden: true }, this.newChatButton);

    this.panel = h('section', {
      id: 'chat-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'chat-title', testid: 'chat-panel', hidden: true,
      onkeydown: (e) => {
        if (e.key === 'Escape') actions.minimize();
      },
    },
    h('header', { class: 'header' }, h('h2', { id: 'chat-title', class: 'title', text: t('title') }), this.endButton, minimizeButton),
    this.status, this.transcript, this.errorLine, this.endedBox, this.composer.form);

    this.container = h('div', { class: 'root', lang }, this.panel, this.launcher);
    root.append(css, this.container);
    document.body.appendChild(host);
  }

  /** Everything except the transcript: {open, ended, endRequested, unread, status}. */
  renderChrome({ open, ended, endRequested, unread, status }) {
    this.panel.hidden = !open;
    this.container.classList.toggle('is-open', open);
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', this.t(open ? 'closeChat' : 'openChat'));
    this.launcher.innerHTML = open ? ICON_CLOSE : ICON_CHAT;
    this.badge.hidden = open || unread === 0;
    this.badge.textContent = String(unread);
    this.badge.setAttribute('aria-label', this.t('unread', { n: unread }));
    this.launcher.append(this.badge);

    this.status.textContent = status;
    this.endedBox.hidden = !ended;
    this.composer.hidden = ended;
    this.endButton.hidden = ended;
    this.endButton.disabled = endRequested;
  }

  renderTranscript(entries) {
    this.transcript.replaceChildren(...entries.map((entry) => this.renderEntry(entry)));
    this.scrollToEnd();
  }

  /** Shows an entry in place of the one with the same key, or at the end. */
  showEntry(entry) {
    const node = this.renderEntry(entry);
    const t = this.transcript;
    const stick = t.scrollHeight - t.scrollTop - t.clientHeight < STICK_TO_END_PX;
    const old = t.querySelector(`[data-key="${CSS.escape(entry.key)}"]`);
    if (old) old.replaceWith(node);
    else t.append(node);
    if (stick) this.scrollToEnd();
  }

  renderEntry(entry) {
    const { t } = this;
    if (entry.kind === 'notice') {
      return h('div', { class: 'notice', 'data-key': entry.key, testid: 'chat-notice', text: t(entry.notice, entry.params) });
    }
    if (entry.kind === 'system') {
      return h('div', { class: 'msg msg-system', 'data-key': entry.key, testid: 'chat-message', 'data-role': 'system' },
        h('p', { class: 'text', text: entry.text }));
    }
    const mine = entry.role === 'CUSTOMER';
    const role = mine ? 'customer' : entry.role === 'AGENT' ? 'agent' : 'system';
    const meta = h('span', { class: 'meta' },
      entry.at ? new Date(entry.at).toLocaleTimeString(this.lang, { hour: '2-digit', minute: '2-digit' }) : null,
      mine ? h('span', { class: 'delivery', text: (entry.at ? ' · ' : '') + t(entry.state) }) : null,
      mine && entry.state === 'failed'
        ? [' ', h('button', { type: 'button', class: 'retry', 'data-retry': entry.clientId, text: t('retry') })] : null);
    return h('div', {
      class: `msg msg-${role}`, 'data-key': entry.key, testid: 'chat-message', 'data-role': role,
      'data-state': mine ? entry.state : false,
    },
    role === 'agent' ? h('span', { class: 'who', text: entry.name || t('agent') }) : null,
    h('p', { class: 'text', text: entry.text }),
    meta);
  }

  scrollToEnd() {
    this.transcript.scrollTop = this.transcript.scrollHeight;
  }

  showError(key) {
    this.errorLine.textContent = this.t(key);
    this.errorLine.hidden = false;
    clearTimeout(this.errorTimer);
    this.errorTimer = setTimeout(() => (this.errorLine.hidden = true), ERROR_SHOWN_MS);
  }

  /** Whether the keyboard focus is inside the panel. */
  hasFocus() {
    return this.panel.contains(this.panel.getRootNode().activeElement);
  }

  focusLauncher() {
    this.launcher.focus();
  }

  /** Focus where the customer continues: the message box, or "new chat" once the chat ended. */
  focusNext(ended) {
    if (ended) this.newChatButton.focus();
    else this.composer.focus();
  }
}
