// What the server says on /ws/agent, applied to the desk. Sequenced chat frames are applied in seq order: a frame
// with seq <= the chat's lastSeq is dropped (nothing shown twice), and a gap waits for its replay for a while.

import { createChat, customerName, desk, selectedChat } from './desk.js';
import { clearUnread, renderChatList, select } from './chat-list.js';
import { renderConversation, renderConversationChrome, upsertEntry } from './conversation.js';
import { announce, flashTitle, showToast } from './notifications.js';
import { clearOffers, onOffer, removeOffer } from './offers.js';
import { failMessage, flush, flushAllSoon, sendEnd, settle } from './outbox.js';
import { renderAgentName } from './presence.js';

const GAP_WAIT_MS = 3_000; // how long a seq gap may wait for its replay
// What each kind of system message is, as the agent sees it (the customer sees only the text).
const SYSTEM_LABELS = {
  welcome: 'Welcome message',
  outOfHours: 'Out-of-hours message',
  offline: 'Offline message prompt',
  notAvailable: 'Not-available message',
  agentAutomatic: 'Your automatic message',
  comments: 'Comments message',
  customerLeft: 'The customer left',
};
const ERROR_TEXTS = {
  NOT_OFFERED: 'That chat is no longer offered to you.',
  NOT_ASSIGNED: 'That chat is not assigned to you.',
  CHAT_ENDED: 'That chat has already ended.',
  UNAVAILABLE: 'The server is busy; retrying.',
  TOO_LARGE: 'That message is too long.',
};

export function onFrame(frame) {
  switch (frame.type) {
    case 'hello': return onHello(frame);
    case 'ack': return onAck(frame);
    case 'error': return onError(frame);
    case 'offer': return onOffer(frame);
    case 'offer-withdrawn': return removeOffer(frame.interactionId);
    default: break;
  }
  if (typeof frame.seq !== 'number' || !frame.interactionId) {
    console.warn('[console] ignoring frame', frame);
    return;
  }
  const chat = desk.chats.get(frame.interactionId) || createChat(frame.interactionId);
  if (frame.seq <= chat.lastSeq || chat.early.has(frame.seq)) return; // replay overlap: already shown
  chat.early.set(frame.seq, frame);
  if (!chat.early.has(chat.lastSeq + 1)) {
    requestMissing(chat);
    return;
  }
  applyInOrder(chat);
}

/** The tab came back: what the agent now sees is read. */
export function onVisible() {
  clearUnread(selectedChat());
}

/**
 * A gap (typically: a chat's first frame is `assigned` at seq N > 1, and the welcome and the customer's first
 * messages came before the agent was involved): keep the early frames and ask for what is missing. If the server
 * has nothing to replay, apply what we hold after a while.
 */
function requestMissing(chat) {
  if (chat.gapTimer) return;
  desk.connection.send({ type: 'resume', interactions: { [chat.id]: chat.lastSeq } });
  chat.gapTimer = setTimeout(() => {
    chat.gapTimer = null;
    console.warn(`[console] seq gap in ${chat.id} after ${chat.lastSeq}: not replayed; going on`);
    const next = Math.min(...chat.early.keys());
    if (Number.isFinite(next)) {
      chat.lastSeq = next - 1;
      applyInOrder(chat);
    }
  }, GAP_WAIT_MS);
}

function applyInOrder(chat) {
  while (chat.early.has(chat.lastSeq + 1)) {
    const frame = chat.early.get(chat.lastSeq + 1);
    chat.early.delete(frame.seq);
    chat.lastSeq = frame.seq;
    applyFrame(chat, frame);
  }
  if (chat.early.size === 0) {
    clearTimeout(chat.gapTimer);
    chat.gapTimer = null;
  } else {
    requestMissing(chat);
  }
  renderChatList();
  if (chat.id === desk.selectedId) renderConversationChrome();
}

function applyFrame(chat, frame) {
  switch (frame.type) {
    case 'assigned':
      chat.customer = frame.customer || chat.customer;
      chat.campaignId = frame.campaignId ?? chat.campaignId;
      chat.queuePosition = null;
      removeOffer(chat.id);
      upsertEntry(chat, { key: `s:${frame.seq}`, kind: 'notice', text: `${customerName(chat)} was assigned to you` });
      if (!chat.knownAtHello) announceNewChat(chat);
      break;
    case 'queued':
      chat.queuePosition = frame.position;
      break;
    case 'system':
      upsertEntry(chat, { key: `s:${frame.seq}`, kind: 'message', role: 'SYSTEM', name: SYSTEM_LABELS[frame.kind] || 'System message', text: frame.text });
      break;
    case 'message':
      onMessage(chat, frame);
      break;
    case 'rejected':
      markEnded(chat, 'SYSTEM', frame.seq);
      break;
    case 'ended':
      markEnded(chat, frame.endedBy, frame.seq);
      break;
    default:
      break; // a newer server's event: seq consumed, nothing to show
  }
}

function onHello(frame) {
  desk.connectionSerial += 1;
  clearOffers();
  if (frame.agent?.name) {
    desk.serverAgentName = frame.agent.name;
    renderAgentName();
  }
  for (const item of frame.interactions || []) {
    const id = typeof item === 'string' ? item : item?.interactionId;
    if (!id) continue;
    const chat = desk.chats.get(id) || createChat(id);
    // On the first connection these are chats from before a reload, not news; on a reconnect an
    // unknown id is a chat assigned while we were away, and its `assigned` is announced.
    if (chat.lastSeq === 0 && desk.connectionSerial === 1) chat.knownAtHello = true;
  }
  desk.connection.send({ type: 'presence', status: desk.presence });
  // Everything we hold and that was still open: ask for what we missed (all of it after a reload).
  const resume = {};
  for (const chat of desk.chats.values()) {
    clearTimeout(chat.gapTimer);
    chat.gapTimer = null;
    if (!chat.ended) resume[chat.id] = chat.lastSeq;
  }
  if (Object.keys(resume).length > 0) desk.connection.send({ type: 'resume', interactions: resume });
  for (const chat of desk.chats.values()) {
    flush(chat);
    if (chat.endRequested && !chat.ended) sendEnd(chat);
  }
  if (!desk.selectedId && desk.chats.size > 0) select(desk.chats.keys().next().value, { focus: false });
  renderChatList();
  renderConversation();
}

function onMessage(chat, frame) {
  const from = frame.from || {};
  const ownKey = frame.clientId ? `c:${frame.clientId}` : null;
  if (from.role === 'AGENT' && ownKey && chat.entries.some((e) => e.key === ownKey)) {
    // The echo of a reply sent from this page: it settles the pending bubble.
    settle(chat, frame.clientId, { id: frame.id, seq: frame.seq, at: frame.at });
    return;
  }
  upsertEntry(chat, {
    key: `s:${frame.seq}`, kind: 'message', role: from.role || 'SYSTEM', name: from.name || (from.role === 'CUSTOMER' ? 'Customer' : from.id),
    text: frame.text, at: frame.at,
  });
  if (from.role === 'CUSTOMER' && (chat.id !== desk.selectedId || document.hidden)) chat.unread += 1;
}

function onAck(frame) {
  const chat = desk.chats.get(desk.chatOfClientId.get(frame.clientId));
  if (chat) settle(chat, frame.clientId, { id: frame.id });
}

function onError(frame) {
  console.warn('[console] server error', frame.code, frame.message);
  if (frame.code === 'UNAVAILABLE') flushAllSoon();
  if (frame.code === 'NOT_OFFERED' && frame.interactionId) removeOffer(frame.interactionId);
  showToast(ERROR_TEXTS[frame.code] || `Error ${frame.code}: ${frame.message || ''}`);
}

function markEnded(chat, endedBy, seq) {
  if (!chat.ended) {
    const by = { CUSTOMER: 'the customer', AGENT: 'you', SYSTEM: 'the system' }[endedBy];
    upsertEntry(chat, { key: `s:${seq}`, kind: 'notice', text: by ? `Chat ended by ${by}` : 'Chat ended' });
  }
  chat.ended = true;
  chat.endedBy = endedBy || chat.endedBy;
  chat.endRequested = false;
  for (const item of chat.outbox) failMessage(chat, item.clientId);
  chat.outbox = [];
}

function announceNewChat(chat) {
  if (chat.isNew) return;
  chat.isNew = true;
  const message = `New chat from ${customerName(chat)}`;
  announce(message);
  // An idle agent sees it straight away (without moving their keyboard focus); a busy one is not interrupted.
  if (!desk.selectedId) select(chat.id, { focus: false });
  flashTitle(message);
}

