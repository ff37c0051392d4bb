// The widget's persisted state, per campaign: localStorage → sessionStorage → memory. Either web storage may be
// missing or throw (privacy modes, third-party storage blocked, quota), so each is probed before use.

const MAX_STORED_ENTRIES = 300; // bounds what one chat may take of the ~5 MB storage quota
const QUOTA_FALLBACK_ENTRIES = 30;

function memoryStorage() {
  const map = new Map();
  return {
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
  };
}

function pickStorage() {
  for (const kind of ['localStorage', 'sessionStorage']) {
    try {
      const store = window[kind]; // merely reading the property can throw a SecurityError
      const probe = '__chatsuite_probe__';
      store.setItem(probe, probe);
      store.removeItem(probe);
      return { kind, store };
    } catch {
      // unavailable: try the next one
    }
  }
  return { kind: 'memory', store: memoryStorage() };
}

/** A conversation's state before anything happened. */
export function freshState() {
  return {
    v: 1,
    sessionToken: null,
    interactionId: null,
    lastSeq: 0,
    open: false,
    ended: false,
    endRequested: false,
    queuePosition: null,
    estimatedWaitSeconds: null,
    agent: null,
    // Transcript, in display order: {key, kind: message|system|notice, ...}.
    entries: [],
    // Customer messages not yet acked: {clientId, text}.
    outbox: [],
  };
}

/** The widget's persisted state for one campaign, under one key (so it is saved atomically). */
export class StateStore {
  constructor(campaignId) {
    this.key = `chatsuite.widget.v1.${campaignId}`;
    const { kind, store } = pickStorage();
    this.kind = kind;
    this.store = store;
  }

  load() {
    try {
      const state = JSON.parse(this.store.getItem(this.key));
      return state && state.v === 1 ? state : null;
    } catch {
      return null;
    }
  }

  save(state) {
    const trimmed = { ...state, entries: state.entries.slice(-MAX_STORED_ENTRIES) };
    try {
      this.store.setItem(this.key, JSON.stringify(trimmed));
    } catch {
      // Quota: keep the session alive with a short transcript; if even that fails, use memory.
      try {
        this.store.setItem(this.key, JSON.stringify({ ...trimmed, entries: trimmed.entries.slice(-QUOTA_FALLBACK_ENTRIES) }));
      } catch {
        this.kind = 'memory';
        this.store = memoryStorage();
        this.store.setItem(this.key, JSON.stringify(trimmed));
      }
    }
  }
}
