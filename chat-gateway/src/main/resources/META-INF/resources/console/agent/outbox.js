// The agent's replies and "end chat": a reply waits in its chat's outbox until the server acks its clientId and
// is re-sent (same clientId, deduplicated by the server) after reconnects and ack timeouts; an `end` is re-sent
// until the chat's `ended` arrives.

import { sendOnEnter } from '../common/dom.js';
import { uuid } from '../common/ids.js';
import { acceptableMessage, flushOutbox, unavailableRetryDelay } from '../common/protocol.js';
import { desk, displayName, selectedChat, ui } from './desk.js';
import { renderConversationChrome, upsertEntry } from './conversation.js';
import { showToast } from './notifications.js';

const END_RESEND_MS = 10_000;
const TICK_MS = 2_000;

export function listenToComposer() {
  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  sendOnEnter(ui.input, submit);
  ui.end.addEventListener('click', endSelected);
  ui.transcript.addEventListener('click', (event) => {
    const retry = event.target.closest('[data-retry]');
    if (retry) retryMessage(retry.dataset.retry);
  });
  setInterval(tick, TICK_MS);
}

function submit() {
  const chat = selectedChat();
  const text = ui.input.value.trim();
  if (!chat || chat.ended || !text) return;
  const clientId = uuid();
  if (!acceptableMessage({ type: 'message', interactionId: chat.id, clientId, text })) {
    showToast('That message is too long.');
    return;
  }
  ui.input.value = '';
  chat.outbox.push({ clientId, text });
  desk.chatOfClientId.set(clientId, chat.id);
  upsertEntry(chat, { key: `c:${clientId}`, kind: 'message', role: 'AGENT', clientId, name: displayName(), text, at: new Date().toISOString(), state: 'pending' });
  flush(chat);
}

function retryMessage(clientId) {
  const chat = selectedChat();
  const entry = chat?.entries.find((e) => e.key === `c:${clientId}`);
  if (!entry || entry.state !== 'failed' || chat.ended) return;
  desk.sentLog.delete(clientId);
  chat.outbox.push({ clientId, text: entry.text });
  desk.chatOfClientId.set(clientId, chat.id);
  upsertEntry(chat, { ...entry, state: 'pending' });
  flush(chat);
}

/** Sends what is not yet on this connection, or unacked for too long. */
export function flush(chat, { force = false } = {}) {
  if (!desk.connection?.online) return;
  flushOutbox(chat.outbox, {
    sentLog: desk.sentLog,
    serial: desk.connectionSerial,
    force,
    send: (item) => desk.connection.send({ type: 'message', interactionId: chat.id, clientId: item.clientId, text: item.text }),
    giveUp: (item) => {
      chat.outbox = chat.outbox.filter((m) => m.clientId !== item.clientId);
      failMessage(chat, item.clientId);
    },
  });
}

/** A transient UNAVAILABLE names no frame: re-send everything unacked (deduplicated by clientId). */
export function flushAllSoon() {
  setTimeout(() => desk.chats.forEach((chat) => flush(chat, { force: true })), unavailableRetryDelay());
}

/** The ack (or the echo) of a reply: the pending bubble becomes "sent". */
export function settle(chat, clientId, fields) {
  chat.outbox = chat.outbox.filter((m) => m.clientId !== clientId);
  desk.sentLog.delete(clientId);
  desk.chatOfClientId.delete(clientId);
  const entry = chat.entries.find((e) => e.key === `c:${clientId}`);
  if (entry) upsertEntry(chat, { ...entry, ...fields, at: fields.at || entry.at, state: 'sent' });
}

export function failMessage(chat, clientId) {
  desk.sentLog.delete(clientId);
  desk.chatOfClientId.delete(clientId);
  const entry = chat.entries.find((e) => e.key === `c:${clientId}`);
  if (entry && entry.state === 'pending') upsertEntry(chat, { ...entry, state: 'failed' });
}

function endSelected() {
  const chat = selectedChat();
  if (!chat || chat.ended || chat.endRequested) return;
  chat.endRequested = true;
  sendEnd(chat);
  renderConversationChrome();
}

export function sendEnd(chat) {
  if (desk.connection.send({ type: 'end', interactionId: chat.id })) chat.endSentAt = Date.now();
}

function tick() {
  for (const chat of desk.chats.values()) {
    flush(chat);
    if (chat.endRequested && !chat.ended && Date.now() - chat.endSentAt > END_RESEND_MS) sendEnd(chat);
  }
}
