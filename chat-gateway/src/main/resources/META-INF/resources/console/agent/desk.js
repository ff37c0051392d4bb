// What the agent console holds in memory, shared by its modules: the agent's chats, the offers, what was sent,
// the connection and the page's elements. After a reload the server's `hello` lists the open chats again.

const $ = (id) => document.getElementById(id);

export const ui = {
  connection: $('connection'),
  presence: $('presence'),
  agentName: $('agent-name'),
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

export const desk = {
  auth: null,
  connection: null,
  /** Counts `hello`s: what was sent on which connection. */
  connectionSerial: 0,
  /** interactionId -> chat; insertion order is arrival order. */
  chats: new Map(),
  /** interactionId -> {interactionId, campaignId, customer, strategy, expiresAt, answered}; arrival order. */
  offers: new Map(),
  /** clientId -> interactionId: an `ack` names only the clientId. */
  chatOfClientId: new Map(),
  /** clientId -> {serial, at, resends}: what went out on which connection. */
  sentLog: new Map(),
  selectedId: null,
  /** What the agent chose; (re)sent after every `hello`. */
  presence: 'AVAILABLE',
  serverAgentName: null,
};

export function createChat(id) {
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
  desk.chats.set(id, chat);
  return chat;
}

export function selectedChat() {
  return desk.selectedId ? desk.chats.get(desk.selectedId) : null;
}

export function customerName(chat) {
  return chat.customer?.name || 'Customer';
}

export function displayName() {
  const claims = desk.auth.claims;
  return desk.serverAgentName || claims.name || claims.preferred_username || 'Agent';
}

/** Unread messages plus chats not looked at yet, over all chats. */
export function unreadTotal() {
  return [...desk.chats.values()].reduce((sum, chat) => sum + chat.unread + (chat.isNew ? 1 : 0), 0);
}
