// The list of the agent's chats in the sidebar: open ones first in arrival order, with unread counts and tags;
// choosing one shows it in the conversation pane.

import { h } from '../common/dom.js';
import { customerName, desk, ui, unreadTotal } from './desk.js';
import { refreshTitle } from './notifications.js';
import { renderConversation } from './conversation.js';

export function select(id, { focus = true } = {}) {
  if (!desk.chats.has(id)) return;
  desk.selectedId = id;
  const chat = desk.chats.get(id);
  chat.isNew = false;
  clearUnread(chat);
  renderChatList();
  renderConversation();
  if (focus && !chat.ended) ui.input.focus();
}

export function clearUnread(chat) {
  if (!chat || chat.unread === 0) return;
  chat.unread = 0;
  renderChatList();
}

export function renderChatList() {
  const total = unreadTotal();
  ui.unreadTotal.hidden = total === 0;
  ui.unreadTotal.textContent = String(total);
  ui.unreadTotal.setAttribute('aria-label', `${total} unread`);
  refreshTitle();

  const ordered = [...desk.chats.values()].sort((a, b) => Number(a.ended) - Number(b.ended));
  const focusedId = document.activeElement?.closest?.('[data-interaction-id]')?.dataset.interactionId;
  ui.chatList.replaceChildren(...ordered.map(renderChatItem));
  if (focusedId) ui.chatList.querySelector(`[data-interaction-id="${CSS.escape(focusedId)}"]`)?.focus();
  ui.noChats.hidden = desk.chats.size > 0;
}

function renderChatItem(chat) {
  const language = chat.customer?.language;
  const button = h('button', {
    type: 'button', class: 'chat-item', testid: 'chat-item', 'data-interaction-id': chat.id,
    'data-ended': String(chat.ended), 'aria-current': chat.id === desk.selectedId ? 'true' : false,
  },
  h('span', { class: 'name', text: customerName(chat) }),
  language ? h('span', { class: 'lang', title: 'Language', text: language.toUpperCase() }) : null,
  chat.isNew ? h('span', { class: 'tag tag-new', text: 'New' }) : null,
  chat.unread > 0 ? h('span', { class: 'unread', testid: 'chat-unread', 'aria-label': `${chat.unread} unread`, text: String(chat.unread) }) : null,
  chat.ended ? h('span', { class: 'tag tag-ended', testid: 'chat-ended', text: 'Ended' }) : null);
  return h('li', {}, button);
}

export function listenToChatList() {
  ui.chatList.addEventListener('click', (event) => {
    const item = event.target.closest('[data-interaction-id]');
    if (item) select(item.dataset.interactionId);
  });
}
