// Agent console: sign-in, presence, the agent's chats and their transcripts, over /ws/agent
// (docs/protocols.md "Agent"). State is in memory: after a reload, the server's `hello` lists the
// open chats and `resume` from seq 0 replays them.
//
// Offers (`offer` / `offer-withdrawn`, no seq) are shown above the chats: a countdown with Accept and
// Decline for offers that expire, and, for MANUAL campaigns (no expiry), a "Waiting" list to pick from.
// The server decides: the first acceptance wins and the chat then arrives with `assigned`.
//
// Delivery rules, as in the widget: a frame with seq <= the chat's lastSeq is dropped (nothing shown
// twice); a reply waits in its chat's outbox until the server acks its clientId and is re-sent
// (same clientId, deduplicated by the server) after reconnects and ack timeouts.

import { Auth } from './shared/auth.js';
import { AgentConnection } from './connection.js';

const MAX_TEXT = 4000;
const MAX_FRAME_BYTES = 16 * 1024;
const ACK_TIMEOUT_MS = 10_000;
const MAX_RESENDS = 5;
const END_RESEND_MS = 10_000;
const GAP_WAIT_MS = 3_000; // how long a seq gap may wait for its replay
const APP_TITLE = 'Agent console';

const $ = (id) => document.getElementById(id);
const ui = {
  session: $('session'),
  connection: $('connection'),
  presence: $('presence'),
  agentName: $('agent-name'),
  logout: $('logout'),
  login: $('login'),
  loginMessage: $('login-message'),
  loginButton: $('login-button'),
  workspace: $('workspace'),
  chatList: $('chat-list'),
  noChats: $('no-chats'),
  unreadTotal: $('unread-total'),
  title: $('conversation-title'),
  chatStatus: $('chat-status'),
  end: $('end'),
  transcript: $('transcript'),
  composer: $('composer'),
  input: $('input'),
  send: $('send'),
  toast: $('toast'),
  offers: $('offers'),
  offerList: $('offer-list'),
  queue: $('queue'),
  queueList: $('queue-list'),
  queueCount: $('queue-count'),
  announcer: $('announcer'),
};

/** interactionId -> chat; insertion order is arrival order. */
const chats = new Map();
/** interactionId -> {interactionId, campaignId, customer, strategy, expiresAt, answered}; arrival order. */
const offers = new Map();
/** clientId -> interactionId: an `ack` names only the clientId. */
const chatOfClientId = new Map();
/** clientId -> {serial, at, resends}: what went out on which connection. */
const sentLog = new Map();

let auth;
let connection;
let connectionSerial = 0;
let selectedId = null;
let presence = 'AVAILABLE'; // what the agent chose; (re)sent after every `hello`
let serverAgentName = null;
let wasOnline = false;
let flashTimer = null;

// ---------------------------------------------------------------------------------------------
// Start-up and sign-in

main();

async function main() {
  ui.loginButton.addEventListener('click', onLoginClick);
  try {
    auth = await Auth.create();
  } catch (error) {
    showLogin(error.message, { canSignIn: false });
    return;
  }
  let signedIn = false;
  try {
    signedIn = await auth.init();
  } catch (error) {
    showLogin(error.message);
    return;
  }
  if (signedIn) startSession();
  else showLogin('');
}

let loginAction = () => auth.login();

async function onLoginClick() {
  ui.loginButton.disabled = true;
  try {
    await loginAction();
  } catch (error) {
    ui.loginMessage.textContent = error.message;
    ui.loginButton.disabled = false;
  }
}

function showLogin(message, { canSignIn = true, buttonLabel = 'Sign in', action = () => auth.login() } = {}) {
  ui.workspace.hidden = true;
  ui.session.hidden = true;
  ui.login.hidden = false;
  ui.loginMessage.textContent = message;
  ui.loginButton.hidden = !canSignIn;
  ui.loginButton.disabled = false;
  ui.loginButton.textContent = buttonLabel;
  loginAction = action;
  document.title = APP_TITLE;
}

function startSession() {
  const roles = auth.claims.realm_access?.roles;
  if (Array.isArray(roles) && !roles.includes('agent')) {
    // The gateway would refuse the socket; say why instead of reconnecting forever.
    showLogin(`${displayName()} is not an agent. Sign in with an agent account.`, {
      buttonLabel: 'Sign in as another user',
      action: () => auth.logout(),
    });
    return;
  }
  ui.login.hidden = true;
  ui.session.hidden = false;
  ui.workspace.hidden = false;
  renderAgentName();

  const url = new URL('../ws/agent', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  connection = new AgentConnection({ url: url.href, token: (options) => auth.fresh(options) });
  connection.addEventListener('frame', (event) => onFrame(event.detail));
  connection.addEventListener('status', (event) => renderConnection(event.detail));
  auth.addEventListener('tokens', renderAgentName);
  auth.addEventListener('session-over', () => {
    connection.stop();
    showLogin('Your session has ended. Please sign in again.');
  });

  ui.logout.addEventListener('click', () => {
    connection.stop();
    auth.logout();
  });
  ui.presence.value = presence;
  ui.presence.addEventListener('change', () => {
    presence = ui.presence.value;
    connection.send({ type: 'presence', status: presence }); // else sent after the next hello
  });
  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  ui.end.addEventListener('click', endSelected);
  ui.chatList.addEventListener('click', (event) => {
    const item = event.target.closest('[data-interaction-id]');
    if (item) select(item.dataset.interactionId);
  });
  ui.offerList.addEventListener('click', onOfferClick);
  ui.queueList.addEventListener('click', onOfferClick);
  setInterval(renderCountdowns, 1_000);
  ui.transcript.addEventListener('click', (event) => {
    const retry = event.target.closest('[data-retry]');
    if (retry) retryMessage(retry.dataset.retry);
  });
  addEventListener('focus', stopFlash);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) clearUnread(selectedChat());
  });
  setInterval(tick, 2_000);

  renderConversation();
  connection.start();
}

function displayName() {
  const claims = auth.claims;
  return serverAgentName || claims.name || claims.preferred_username || 'Agent';
}

function renderAgentName() {
  ui.agentName.textContent = displayName();
  ui.agentName.title = auth.claims.preferred_username || '';
}

function renderConnection(status) {
  if (status === 'online') wasOnline = true;
  const text = { online: 'Online', offline: 'Offline', connecting: wasOnline ? 'Reconnecting…' : 'Connecting…' }[status];
  ui.connection.textContent = text;
  ui.connection.dataset.status = status;
}

// ---------------------------------------------------------------------------------------------
// Chats

function createChat(id) {
  const chat = {
    id,
    customer: { name: null, language: null },
    campaignId: null,
    lastSeq: 0,
    early: new Map(), // seq -> frame received ahead of a gap
    gapTimer: null,
    entries: [],
    outbox: [],
    unread: 0,
    isNew: false,
    ended: false,
    endedBy: null,
    endRequested: false,
    endSentAt: 0,
    queuePosition: null,
    knownAtHello: false, // listed in `hello`: its replayed `assigned` is not news
  };
  chats.set(id, chat);
  return chat;
}

function selectedChat() {
  return selectedId ? chats.get(selectedId) : null;
}

function select(id, { focus = true } = {}) {
  if (!chats.has(id)) return;
  selectedId = id;
  const chat = chats.get(id);
  chat.isNew = false;
  clearUnread(chat);
  renderChatList();
  renderConversation();
  if (focus && !chat.ended) ui.input.focus();
}

function clearUnread(chat) {
  if (!chat || chat.unread === 0) return;
  chat.unread = 0;
  renderChatList();
}

function customerName(chat) {
  return chat.customer?.name || 'Customer';
}

// ---------------------------------------------------------------------------------------------
// Frames

function onFrame(frame) {
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
  const chat = chats.get(frame.interactionId) || createChat(frame.interactionId);
  if (frame.seq <= chat.lastSeq || chat.early.has(frame.seq)) return; // replay overlap: already shown
  chat.early.set(frame.seq, frame);
  if (!chat.early.has(chat.lastSeq + 1)) {
    requestMissing(chat);
    return;
  }
  applyInOrder(chat);
}

/**
 * A gap (typically: a chat's first frame is `assigned` at seq N > 1, and the welcome and the
 * customer's first messages came before the agent was involved): keep the early frames and ask
 * for what is missing. If the server has nothing to replay, apply what we hold after a while.
 */
function requestMissing(chat) {
  if (chat.gapTimer) return;
  connection.send({ type: 'resume', interactions: { [chat.id]: chat.lastSeq } });
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
  if (chat.id === selectedId) renderConversationChrome();
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
      upsertEntry(chat, { key: `s:${frame.seq}`, kind: 'message', role: 'SYSTEM', name: 'Automatic message', text: frame.text });
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
  connectionSerial += 1;
  // The server sends the open offers again right after `hello`.
  offers.clear();
  renderOffers();
  if (frame.agent?.name) {
    serverAgentName = frame.agent.name;
    renderAgentName();
  }
  for (const item of frame.interactions || []) {
    const id = typeof item === 'string' ? item : item?.interactionId;
    if (!id) continue;
    const chat = chats.get(id) || createChat(id);
    // On the first connection these are chats from before a reload, not news; on a reconnect an
    // unknown id is a chat assigned while we were away, and its `assigned` is announced.
    if (chat.lastSeq === 0 && connectionSerial === 1) chat.knownAtHello = true;
  }
  connection.send({ type: 'presence', status: presence });
  // Everything we hold and that was still open: ask for what we missed (all of it after a reload).
  const resume = {};
  for (const chat of chats.values()) {
    clearTimeout(chat.gapTimer);
    chat.gapTimer = null;
    if (!chat.ended) resume[chat.id] = chat.lastSeq;
  }
  if (Object.keys(resume).length > 0) connection.send({ type: 'resume', interactions: resume });
  for (const chat of chats.values()) {
    flush(chat);
    if (chat.endRequested && !chat.ended) sendEnd(chat);
  }
  if (!selectedId && chats.size > 0) select(chats.keys().next().value, { focus: false });
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
  if (from.role === 'CUSTOMER' && (chat.id !== selectedId || document.hidden)) chat.unread += 1;
}

function onAck(frame) {
  const chat = chats.get(chatOfClientId.get(frame.clientId));
  if (chat) settle(chat, frame.clientId, { id: frame.id });
}

function settle(chat, clientId, fields) {
  chat.outbox = chat.outbox.filter((m) => m.clientId !== clientId);
  sentLog.delete(clientId);
  chatOfClientId.delete(clientId);
  const entry = chat.entries.find((e) => e.key === `c:${clientId}`);
  if (entry) upsertEntry(chat, { ...entry, ...fields, at: fields.at || entry.at, state: 'sent' });
}

function onError(frame) {
  console.warn('[console] server error', frame.code, frame.message);
  if (frame.code === 'UNAVAILABLE') {
    // Transient, and the frame is not named: re-send everything unacked (deduplicated by clientId).
    setTimeout(() => chats.forEach((chat) => flush(chat, { force: true })), 500 + Math.random() * 1_500);
  }
  if (frame.code === 'NOT_OFFERED' && frame.interactionId) removeOffer(frame.interactionId);
  const friendly = {
    NOT_OFFERED: 'That chat is no longer offered to you.',
    NOT_ASSIGNED: 'That chat is not assigned to you.',
    CHAT_ENDED: 'That chat has already ended.',
    UNAVAILABLE: 'The server is busy; retrying.',
    TOO_LARGE: 'That message is too long.',
  }[frame.code];
  showToast(friendly || `Error ${frame.code}: ${frame.message || ''}`);
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

// ---------------------------------------------------------------------------------------------
// Offers

function onOffer(frame) {
  if (!frame.interactionId) return;
  const known = offers.get(frame.interactionId);
  offers.set(frame.interactionId, {
    interactionId: frame.interactionId,
    campaignId: frame.campaignId,
    customer: frame.customer || {},
    strategy: frame.strategy,
    expiresAt: frame.expiresAt ? Date.parse(frame.expiresAt) : null,
    answered: false,
  });
  renderOffers();
  if (!known && frame.expiresAt) {
    announce(`Chat offered: ${frame.customer?.name || 'a customer'}`);
    if (document.hidden) flashTitle('Chat offered');
  }
}

function removeOffer(interactionId) {
  if (offers.delete(interactionId)) renderOffers();
}

function onOfferClick(event) {
  const button = event.target.closest('button[data-answer]');
  if (!button) return;
  const offer = offers.get(button.dataset.interactionId);
  if (!offer || offer.answered) return;
  const type = button.dataset.answer;
  if (!connection.send({ type, interactionId: offer.interactionId })) {
    showToast('Not connected; try again in a moment.');
    return;
  }
  // Declining hides it at once; accepting waits for `assigned` (or `offer-withdrawn` when someone was first).
  if (type === 'decline') removeOffer(offer.interactionId);
  else {
    offer.answered = true;
    renderOffers();
  }
}

function secondsLeft(offer) {
  return Math.max(0, Math.ceil((offer.expiresAt - Date.now()) / 1000));
}

function renderOffers() {
  const timed = [...offers.values()].filter((o) => o.expiresAt !== null);
  const waiting = [...offers.values()].filter((o) => o.expiresAt === null);
  ui.offerList.replaceChildren(...timed.map(renderOffer));
  ui.queueList.replaceChildren(...waiting.map(renderQueueItem));
  ui.offers.hidden = timed.length === 0;
  ui.queue.hidden = waiting.length === 0;
  ui.queueCount.textContent = waiting.length ? String(waiting.length) : '';
}

function renderOffer(offer) {
  const name = offer.customer.name || 'Customer';
  return el('li', { class: 'offer', 'data-testid': 'offer', 'data-interaction-id': offer.interactionId },
    el('div', { class: 'offer-who' },
      el('strong', {}, name),
      offer.customer.language ? el('span', { class: 'lang' }, ` (${offer.customer.language})`) : ''),
    el('div', { class: 'offer-meta' },
      el('span', { class: 'offer-countdown', 'data-testid': 'offer-countdown', 'data-expires-at': String(offer.expiresAt) },
        `${secondsLeft(offer)} s`),
      el('span', {}, offer.strategy === 'RING_ALL' ? ' · ringing everyone' : '')),
    el('div', { class: 'offer-actions' },
      el('button', { type: 'button', class: 'primary', 'data-testid': 'offer-accept', 'data-answer': 'accept',
        'data-interaction-id': offer.interactionId, ...(offer.answered ? { disabled: '' } : {}) },
        offer.answered ? 'Accepting…' : 'Accept'),
      el('button', { type: 'button', class: 'ghost', 'data-testid': 'offer-decline', 'data-answer': 'decline',
        'data-interaction-id': offer.interactionId, ...(offer.answered ? { disabled: '' } : {}) }, 'Decline')));
}

function renderQueueItem(offer) {
  const name = offer.customer.name || 'Customer';
  return el('li', { class: 'queue-item', 'data-testid': 'queue-item', 'data-interaction-id': offer.interactionId },
    el('span', { class: 'offer-who' }, name,
      offer.customer.language ? el('span', { class: 'lang' }, ` (${offer.customer.language})`) : ''),
    el('button', { type: 'button', class: 'primary', 'data-testid': 'queue-pick', 'data-answer': 'accept',
      'data-interaction-id': offer.interactionId, ...(offer.answered ? { disabled: '' } : {}) },
      offer.answered ? 'Picking…' : 'Pick'));
}

function renderCountdowns() {
  for (const node of ui.offerList.querySelectorAll('[data-testid="offer-countdown"]')) {
    const left = Math.max(0, Math.ceil((Number(node.dataset.expiresAt) - Date.now()) / 1000));
    node.textContent = left > 0 ? `${left} s` : 'expiring…';
  }
}

function announce(text) {
  ui.announcer.textContent = text;
}

// ---------------------------------------------------------------------------------------------
// Sending

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function submit() {
  const chat = selectedChat();
  const text = ui.input.value.trim();
  if (!chat || chat.ended || !text) return;
  const clientId = uuid();
  const frame = { type: 'message', interactionId: chat.id, clientId, text };
  if (text.length > MAX_TEXT || new TextEncoder().encode(JSON.stringify(frame)).length > MAX_FRAME_BYTES) {
    showToast('That message is too long.');
    return;
  }
  ui.input.value = '';
  chat.outbox.push({ clientId, text });
  chatOfClientId.set(clientId, chat.id);
  upsertEntry(chat, { key: `c:${clientId}`, kind: 'message', role: 'AGENT', clientId, name: displayName(), text, at: new Date().toISOString(), state: 'pending' });
  flush(chat);
}

function retryMessage(clientId) {
  const chat = selectedChat();
  const entry = chat?.entries.find((e) => e.key === `c:${clientId}`);
  if (!entry || entry.state !== 'failed' || chat.ended) return;
  sentLog.delete(clientId);
  chat.outbox.push({ clientId, text: entry.text });
  chatOfClientId.set(clientId, chat.id);
  upsertEntry(chat, { ...entry, state: 'pending' });
  flush(chat);
}

/** Sends what is not yet on this connection, or unacked for too long. */
function flush(chat, { force = false } = {}) {
  if (!connection?.online) return;
  const now = Date.now();
  for (const item of [...chat.outbox]) {
    const log = sentLog.get(item.clientId);
    const onThisConnection = log && log.serial === connectionSerial;
    if (onThisConnection && !force && now - log.at < ACK_TIMEOUT_MS) continue;
    const resends = onThisConnection ? log.resends + 1 : 0;
    if (resends > MAX_RESENDS) {
      chat.outbox = chat.outbox.filter((m) => m.clientId !== item.clientId);
      failMessage(chat, item.clientId);
      continue;
    }
    if (connection.send({ type: 'message', interactionId: chat.id, clientId: item.clientId, text: item.text })) {
      sentLog.set(item.clientId, { serial: connectionSerial, at: now, resends });
    }
  }
}

function failMessage(chat, clientId) {
  sentLog.delete(clientId);
  chatOfClientId.delete(clientId);
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

function sendEnd(chat) {
  if (connection.send({ type: 'end', interactionId: chat.id })) chat.endSentAt = Date.now();
}

function tick() {
  for (const chat of chats.values()) {
    flush(chat);
    if (chat.endRequested && !chat.ended && Date.now() - chat.endSentAt > END_RESEND_MS) sendEnd(chat);
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

function renderChatList() {
  const total = [...chats.values()].reduce((sum, chat) => sum + chat.unread + (chat.isNew ? 1 : 0), 0);
  ui.unreadTotal.hidden = total === 0;
  ui.unreadTotal.textContent = String(total);
  ui.unreadTotal.setAttribute('aria-label', `${total} unread`);
  if (!flashTimer) document.title = baseTitle();

  // Open chats first, in arrival order; ended ones after them.
  const ordered = [...chats.values()].sort((a, b) => Number(a.ended) - Number(b.ended));
  const focusedId = document.activeElement?.closest?.('[data-interaction-id]')?.dataset.interactionId;
  ui.chatList.replaceChildren(...ordered.map(renderChatItem));
  if (focusedId) ui.chatList.querySelector(`[data-interaction-id="${CSS.escape(focusedId)}"]`)?.focus();
  ui.noChats.hidden = chats.size > 0;
}

function renderChatItem(chat) {
  const language = chat.customer?.language;
  const button = el('button', {
    type: 'button', class: 'chat-item', 'data-testid': 'chat-item', 'data-interaction-id': chat.id,
    'data-ended': String(chat.ended), 'aria-current': chat.id === selectedId ? 'true' : false,
  },
  el('span', { class: 'name', text: customerName(chat) }),
  language ? el('span', { class: 'lang', title: 'Language', text: language.toUpperCase() }) : '',
  chat.isNew ? el('span', { class: 'tag tag-new', text: 'New' }) : '',
  chat.unread > 0 ? el('span', { class: 'unread', 'data-testid': 'chat-unread', 'aria-label': `${chat.unread} unread`, text: String(chat.unread) }) : '',
  chat.ended ? el('span', { class: 'tag tag-ended', 'data-testid': 'chat-ended', text: 'Ended' }) : '');
  return el('li', {}, button);
}

function renderConversation() {
  const chat = selectedChat();
  ui.transcript.replaceChildren(...(chat ? chat.entries.map(renderEntry) : []));
  ui.transcript.scrollTop = ui.transcript.scrollHeight;
  renderConversationChrome();
}

function renderConversationChrome() {
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
    return el('div', { class: 'notice', 'data-key': entry.key, 'data-testid': 'chat-notice', text: entry.text });
  }
  const role = { CUSTOMER: 'customer', AGENT: 'agent' }[entry.role] || 'system';
  const mine = role === 'agent';
  const node = el('div', {
    class: `msg msg-${role}`, 'data-key': entry.key, 'data-testid': 'chat-message', 'data-role': role,
    'data-state': mine && entry.state ? entry.state : false,
  });
  node.append(el('span', { class: 'who', text: entry.name || (role === 'customer' ? 'Customer' : '') }));
  node.append(el('p', { class: 'text', text: entry.text }));
  const meta = el('span', { class: 'meta' });
  if (entry.at) meta.append(new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
  if (mine && entry.state) {
    meta.append(` · ${{ pending: 'Sending…', sent: 'Sent', failed: 'Not sent' }[entry.state]}`);
    if (entry.state === 'failed') meta.append(' ', el('button', { type: 'button', class: 'link', 'data-retry': entry.clientId, text: 'Retry' }));
  }
  node.append(meta);
  return node;
}

/** Adds or replaces an entry of a chat, and updates the screen if that chat is shown. */
function upsertEntry(chat, entry) {
  const index = chat.entries.findIndex((e) => e.key === entry.key);
  if (index >= 0) chat.entries[index] = entry;
  else chat.entries.push(entry);
  if (chat.id !== selectedId) return;
  const t = ui.transcript;
  const stick = t.scrollHeight - t.scrollTop - t.clientHeight < 60;
  const node = renderEntry(entry);
  const old = t.querySelector(`[data-key="${CSS.escape(entry.key)}"]`);
  if (old) old.replaceWith(node);
  else t.append(node);
  if (stick) t.scrollTop = t.scrollHeight;
}

// ---------------------------------------------------------------------------------------------
// Notifications

function baseTitle() {
  const total = [...chats.values()].reduce((sum, chat) => sum + chat.unread + (chat.isNew ? 1 : 0), 0);
  return total > 0 ? `(${total}) ${APP_TITLE}` : APP_TITLE;
}

function announceNewChat(chat) {
  if (chat.isNew) return;
  chat.isNew = true;
  const message = `New chat from ${customerName(chat)}`;
  ui.announcer.textContent = message;
  // An idle agent sees it straight away (without moving their keyboard focus); a busy one is not interrupted.
  if (!selectedId) select(chat.id, { focus: false });
  flashTitle(message);
}

/** Alternates the tab title so a new chat is noticed from another tab or window. */
function flashTitle(message) {
  stopFlash();
  let on = false;
  flashTimer = setInterval(() => {
    on = !on;
    document.title = on ? `● ${message}` : baseTitle();
  }, 1_000);
  if (document.hasFocus()) setTimeout(stopFlash, 6_000);
}

function stopFlash() {
  clearInterval(flashTimer);
  flashTimer = null;
  document.title = baseTitle();
}

let toastTimer = null;
function showToast(message) {
  ui.toast.textContent = message;
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (ui.toast.hidden = true), 6_000);
}
