// The conversation pane: the selected chat's title and status line, and its transcript with the delivery state
// of the agent's own replies.

import { h } from '../common/dom.js';
import { customerName, desk, selectedChat, ui } from './desk.js';

const STICK_TO_END_PX = 60;
const DELIVERY = { pending: 'Sending…', sent: 'Sent', failed: 'Not sent' };

export function renderConversation() {
  const chat = selectedChat();
  ui.transcript.replaceChildren(...(chat ? chat.entries.map(renderEntry) : []));
  ui.transcript.scrollTop = ui.transcript.scrollHeight;
  renderConversationChrome();
}

export function renderConversationChrome() {
  const chat = selectedChat();
  const active = Boolean(chat && !chat.ended);
  ui.title.textContent = chat ? customerName(chat) : 'No chat selected';
  ui.chatStatus.textContent = chat ? chatStatusText(chat) : 'Select a chat on the left.';
  ui.input.disabled = !active;
  ui.send.disabled = !active;
  ui.end.disabled = !active || chat.endRequested;
}

function chatStatusText(chat) {
  const parts = [];
  if (chat.customer?.language) parts.push(`Language: ${chat.customer.language.toUpperCase()}`);
  if (chat.ended) {
    const by = { CUSTOMER: 'by the customer', AGENT: 'by you', SYSTEM: 'by the system' }[chat.endedBy];
    parts.push(by ? `Ended ${by}` : 'Ended');
  } else if (chat.endRequested) {
    parts.push('Ending…');
  } else if (chat.queuePosition != null) {
    parts.push(`Waiting in queue (#${chat.queuePosition})`);
  } else {
    parts.push('Active');
  }
  return parts.join(' · ');
}

function renderEntry(entry) {
  if (entry.kind === 'notice') {
    return h('div', { class: 'notice', 'data-key': entry.key, testid: 'chat-notice', text: entry.text });
  }
  const role = { CUSTOMER: 'customer', AGENT: 'agent' }[entry.role] || 'system';
  const mine = role === 'agent';
  const delivery = mine && entry.state;
  return h('div', {
    class: `msg msg-${role}`, 'data-key': entry.key, testid: 'chat-message', 'data-role': role,
    'data-state': delivery ? entry.state : false,
  },
  h('span', { class: 'who', text: entry.name || (role === 'customer' ? 'Customer' : '') }),
  h('p', { class: 'text', text: entry.text }),
  h('span', { class: 'meta' },
    entry.at ? new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : null,
    delivery ? ` · ${DELIVERY[entry.state]}` : null,
    delivery && entry.state === 'failed'
      ? [' ', h('button', { type: 'button', class: 'link', 'data-retry': entry.clientId, text: 'Retry' })] : null));
}

/** Adds or replaces an entry of a chat, and updates the screen if that chat is shown. */
export function upsertEntry(chat, entry) {
  const index = chat.entries.findIndex((e) => e.key === entry.key);
  if (index >= 0) chat.entries[index] = entry;
  else chat.entries.push(entry);
  if (chat.id !== desk.selectedId) return;
  const t = ui.transcript;
  const stick = t.scrollHeight - t.scrollTop - t.clientHeight < STICK_TO_END_PX;
  const node = renderEntry(entry);
  const old = t.querySelector(`[data-key="${CSS.escape(entry.key)}"]`);
  if (old) old.replaceWith(node);
  else t.append(node);
  if (stick) t.scrollTop = t.scrollHeight;
}
