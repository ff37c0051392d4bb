// The customer's conversation: applies what the customer does and what the server says to the stored state,
// and keeps the view and the socket in step with it. Kept in one file (a little over 400 lines) because the
// ordering and replay guarantees below hold only if one place decides them.
//
// Guarantees kept here:
// - nothing shown twice: sequenced frames with seq <= lastSeq are dropped; our own messages are matched to their
//   echo by clientId;
// - nothing typed is lost: messages wait in a persisted outbox until the server acks their clientId, and are
//   re-sent (same clientId, so the server deduplicates) after every reconnect;
// - state survives page navigation: session token, interaction id, lastSeq, transcript and outbox are stored per
//   campaign (storage.js).

import { uuid } from '../../console/common/ids.js';
import { acceptableMessage, flushOutbox, socketUrl, unavailableRetryDelay } from '../../console/common/protocol.js';
import { CustomerSocket } from './socket.js';
import { StateStore, freshState } from './storage.js';
import { hasText, supportedLanguage, translator } from './texts.js';
import { WidgetView } from './view.js';

const SESSION_WAIT_MS = 5_000; // after SESSION_INVALID, how long to wait for the fresh `session`
const END_WAIT_MS = 5_000; // after `end` is sent, how long to wait for `ended`
const TICK_MS = 2_000;

export class Conversation {
  /** config: {campaignId, language, customerName, bundleBase, suiteBase} from the loader. */
  constructor(config) {
    this.config = config;
    this.lang = supportedLanguage(config.language);
    this.t = translator(this.lang);
    this.store = new StateStore(config.campaignId);
    this.state = this.store.load() || freshState();
    this.sessionWaitTimer = null;
    this.presentedToken = null; // the token sent in the last hello
    this.endSentAt = 0;
    this.unread = 0;
    this.sentLog = new Map(); // clientId -> {serial, at, resends}

    this.socket = new CustomerSocket({
      url: this.socketUrl(),
      wanted: () => this.wantsConnection(),
      hello: () => this.hello(),
      onFrame: (frame) => this.onFrame(frame),
      onChange: () => {
        if (!this.socket.ws) clearTimeout(this.sessionWaitTimer);
        this.renderChrome();
      },
    });
    this.view = new WidgetView({
      t: this.t,
      lang: this.lang,
      stylesheet: new URL('widget.css', config.bundleBase).href,
      actions: {
        toggle: () => (this.state.open ? this.close() : this.open()),
        minimize: () => this.close(),
        end: () => this.end(),
        newChat: () => this.startNewChat(),
        submit: () => this.submit(),
        retry: (clientId) => this.retry(clientId),
      },
    });
    this.renderAll();

    // Checks ack timeouts and a lost `ended` reply; cheap enough to run all the time.
    setInterval(() => this.tick(), TICK_MS);

    if (this.state.open) this.open({ focus: false });
    else if (this.hasConversation()) this.socket.connect();
  }

  // ----- public API -----------------------------------------------------------------------------

  open({ focus = true } = {}) {
    this.state.open = true;
    this.unread = 0;
    this.persist();
    this.renderChrome();
    this.view.scrollToEnd();
    if (!this.state.ended) this.socket.connect();
    if (focus) this.view.focusNext(this.state.ended);
  }

  close() {
    const hadFocus = this.view.hasFocus();
    this.state.open = false;
    this.persist();
    this.renderChrome();
    if (hadFocus) this.view.focusLauncher();
  }

  // ----- customer actions -----------------------------------------------------------------------

  submit() {
    const composer = this.view.composer;
    const text = composer.text;
    if (!text || this.state.ended) return;
    const clientId = uuid();
    if (!acceptableMessage({ type: 'message', clientId, text })) {
      this.view.showError('tooLong');
      return;
    }
    composer.clear();
    this.state.outbox.push({ clientId, text });
    this.upsert({ key: `c:${clientId}`, kind: 'message', role: 'CUSTOMER', clientId, text, at: new Date().toISOString(), state: 'pending' });
    this.persist();
    this.socket.connect();
    this.flush();
  }

  retry(clientId) {
    const entry = this.findEntry(`c:${clientId}`);
    if (!entry || entry.state !== 'failed' || this.state.ended) return;
    this.sentLog.delete(clientId);
    this.state.outbox.push({ clientId, text: entry.text });
    this.upsert({ ...entry, state: 'pending' });
    this.persist();
    this.socket.connect();
    this.flush();
  }

  end() {
    if (this.state.ended) return;
    if (!this.state.sessionToken && !this.socket.ws) {
      // Nothing exists on the server yet: ending is local.
      this.markEnded();
      return;
    }
    this.state.endRequested = true;
    this.persist();
    this.renderChrome();
    this.socket.connect();
    this.sendEnd();
  }

  startNewChat() {
    this.disconnect();
    this.socket.reset();
    this.state = { ...freshState(), open: this.state.open };
    this.persist();
    this.renderAll();
    this.socket.connect();
    this.view.composer.focus();
  }

  // ----- connection -----------------------------------------------------------------------------

  /** A conversation worth keeping a socket for even while the panel is closed. */
  hasConversation() {
    const s = this.state;
    return !s.ended && (s.outbox.length > 0 || s.endRequested || s.agent != null || s.queuePosition != null
      || s.entries.some((e) => e.role === 'CUSTOMER'));
  }

  wantsConnection() {
    return !this.state.ended && (this.state.open || this.hasConversation());
  }

  socketUrl() {
    const url = socketUrl('ws/customer', this.config.suiteBase);
    url.searchParams.set('campaignId', this.config.campaignId);
    return url.href;
  }

  /** The first frame on a connection: resumes the stored session, if any, from the last seq shown. */
  hello() {
    const hello = { type: 'hello', language: this.lang };
    if (this.config.customerName) hello.name = this.config.customerName;
    this.presentedToken = this.state.sessionToken;
    if (this.state.sessionToken) {
      hello.sessionToken = this.state.sessionToken;
      hello.lastSeq = this.state.lastSeq;
    }
    return hello;
  }

  disconnect() {
    clearTimeout(this.sessionWaitTimer);
    this.socket.disconnect();
  }

  flush({ force = false } = {}) {
    if (!this.socket.ready) return;
    flushOutbox(this.state.outbox, {
      sentLog: this.sentLog,
      serial: this.socket.serial,
      force,
      send: (item) => this.socket.send({ type: 'message', clientId: item.clientId, text: item.text }),
      giveUp: (item) => this.failMessage(item.clientId),
    });
  }

  sendEnd() {
    if (this.socket.ready && this.socket.send({ type: 'end' })) this.endSentAt = Date.now();
  }

  tick() {
    if (!this.socket.ready) return;
    this.flush();
    // If the server never answers `end` (say, nothing had been requested yet), end locally.
    if (this.state.endRequested && !this.state.ended && this.endSentAt && Date.now() - this.endSentAt > END_WAIT_MS) {
      this.markEnded();
    }
  }

  failMessage(clientId) {
    this.state.outbox = this.state.outbox.filter((m) => m.clientId !== clientId);
    this.sentLog.delete(clientId);
    const entry = this.findEntry(`c:${clientId}`);
    if (entry && entry.state === 'pending') this.upsert({ ...entry, state: 'failed' });
    this.persist();
  }

  // ----- frames ---------------------------------------------------------------------------------

  onFrame(frame) {
    switch (frame.type) {
      case 'session': return this.onSession(frame);
      case 'ack': return this.onAck(frame);
      case 'error': return this.onError(frame);
      default: break;
    }
    if (typeof frame.seq !== 'number') {
      console.warn('[chat-widget] ignoring frame', frame.type);
      return;
    }
    const { state } = this;
    if (frame.interactionId && state.interactionId && frame.interactionId !== state.interactionId) return;
    if (frame.seq <= state.lastSeq) return; // replay overlap: already shown
    if (frame.seq !== state.lastSeq + 1) console.warn(`[chat-widget] seq gap: ${state.lastSeq} -> ${frame.seq}`);
    state.lastSeq = frame.seq;

    switch (frame.type) {
      case 'system':
        this.upsert({ key: `s:${frame.seq}`, kind: 'system', sysKind: frame.kind, text: frame.text });
        break;
      case 'queued':
        state.queuePosition = frame.position;
        state.estimatedWaitSeconds = frame.estimatedWaitSeconds ?? null;
        break;
      case 'assigned':
        state.agent = frame.agent || {};
        state.queuePosition = null;
        this.upsert({ key: `s:${frame.seq}`, kind: 'notice', notice: 'joined', params: { name: state.agent.name || state.agent.id || this.t('agent') } });
        break;
      case 'message':
        this.onMessage(frame);
        break;
      case 'rejected':
        this.onRejected(frame);
        break;
      case 'ended':
        this.markEnded(frame.seq);
        break;
      default:
        break; // a newer server's event: seq consumed, nothing to show
    }
    this.persist();
    this.renderChrome();
  }

  onSession(frame) {
    clearTimeout(this.sessionWaitTimer);
    if (this.presentedToken && (!frame.resumed || frame.interactionId !== this.state.interactionId)) {
      this.startOver();
    }
    this.state.sessionToken = frame.sessionToken;
    this.state.interactionId = frame.interactionId;
    this.socket.sessionStarted();
    this.persist();
    this.renderChrome();
    this.flush();
    if (this.state.endRequested) this.sendEnd();
  }

  /**
   * The old session is gone (SESSION_INVALID / expired): start clean, but give the customer back what they had
   * typed and not yet delivered rather than sending it into a chat they did not see.
   */
  startOver() {
    const unsent = this.state.outbox.map((m) => m.text);
    this.state = { ...freshState(), open: this.state.open };
    this.sentLog.clear();
    this.renderAll();
    this.upsert({ key: `n:${uuid()}`, kind: 'notice', notice: 'expired', params: {} });
    this.view.composer.restore(unsent);
    this.persist();
  }

  onAck(frame) {
    const { state } = this;
    if (!state.outbox.some((m) => m.clientId === frame.clientId)) return;
    state.outbox = state.outbox.filter((m) => m.clientId !== frame.clientId);
    this.sentLog.delete(frame.clientId);
    const entry = this.findEntry(`c:${frame.clientId}`);
    if (entry) this.upsert({ ...entry, id: frame.id, state: 'sent' });
    this.persist();
  }

  onMessage(frame) {
    const { state } = this;
    const from = frame.from || {};
    if (from.role === 'CUSTOMER' && frame.clientId) {
      // The echo of our own message: it settles the pending bubble (also if the ack was lost).
      const key = `c:${frame.clientId}`;
      const entry = this.findEntry(key);
      state.outbox = state.outbox.filter((m) => m.clientId !== frame.clientId);
      this.sentLog.delete(frame.clientId);
      this.upsert({
        ...(entry || {}), key, kind: 'message', role: 'CUSTOMER', clientId: frame.clientId,
        id: frame.id, seq: frame.seq, text: frame.text, at: frame.at || entry?.at, state: 'sent',
      });
      return;
    }
    this.upsert({
      key: `s:${frame.seq}`, kind: 'message', role: from.role || 'SYSTEM', name: from.name || from.id,
      id: frame.id, seq: frame.seq, text: frame.text, at: frame.at,
    });
    if (!state.open && from.role === 'AGENT') this.unread += 1;
  }

  onRejected(frame) {
    // The campaign's own message (a `system` frame of the matching kind) says it better.
    const kindFor = { UNAVAILABLE: 'notAvailable', OUT_OF_HOURS: 'outOfHours' };
    const explained = this.state.entries.some((e) => e.kind === 'system' && e.sysKind === kindFor[frame.reason]);
    if (!explained) {
      const notice = hasText(`rejected${frame.reason}`) ? `rejected${frame.reason}` : 'errorGeneric';
      this.upsert({ key: `s:${frame.seq}`, kind: 'notice', notice, params: {} });
    }
    this.markEnded();
  }

  /** The chat is over: undelivered messages can no longer be delivered. */
  markEnded(seq) {
    const { state } = this;
    if (!state.ended) {
      this.upsert({ key: seq ? `s:${seq}` : `n:${uuid()}`, kind: 'notice', notice: 'ended', params: {} });
    }
    for (const item of [...state.outbox]) this.failMessage(item.clientId);
    state.ended = true;
    state.endRequested = false;
    state.queuePosition = null;
    this.persist();
    this.renderChrome();
    if (state.open && this.view.hasFocus()) this.view.focusNext(true);
  }

  onError(frame) {
    console.warn('[chat-widget] server error', frame.code, frame.message);
    switch (frame.code) {
      case 'SESSION_INVALID':
        // A fresh `session` should follow; if it does not, drop the token and start over.
        this.sessionWaitTimer = setTimeout(() => {
          this.disconnect();
          this.startOver();
          this.socket.connect();
        }, SESSION_WAIT_MS);
        break;
      case 'UNAVAILABLE':
        // Transient: the error does not say which frame failed, so retry all unacked ones.
        setTimeout(() => this.flush({ force: true }), unavailableRetryDelay());
        if (this.state.endRequested) setTimeout(() => this.sendEnd(), 1_000);
        break;
      case 'CHAT_ENDED':
        this.markEnded();
        break;
      case 'CAMPAIGN_CLOSED':
        this.view.showError('errorClosed');
        break;
      case 'TOO_LARGE':
        this.view.showError('tooLong');
        break;
      default:
        this.view.showError('errorGeneric');
    }
  }

  // ----- state and screen -----------------------------------------------------------------------

  /** Adds an entry or replaces the one with the same key, in the state and on screen. */
  upsert(entry) {
    const index = this.state.entries.findIndex((e) => e.key === entry.key);
    if (index >= 0) this.state.entries[index] = entry;
    else this.state.entries.push(entry);
    this.view.showEntry(entry);
  }

  findEntry(key) {
    return this.state.entries.find((e) => e.key === key);
  }

  persist() {
    this.store.save(this.state);
  }

  renderAll() {
    this.view.renderTranscript(this.state.entries);
    this.renderChrome();
  }

  renderChrome() {
    const { state } = this;
    this.view.renderChrome({
      open: state.open, ended: state.ended, endRequested: state.endRequested, unread: this.unread, status: this.statusText(),
    });
  }

  statusText() {
    const { state, socket, t } = this;
    if (socket.unavailable) return t('unavailable');
    if (state.ended) return t('ended');
    if (state.endRequested) return t('ending');
    if (socket.connecting) return t(socket.everConnected ? 'reconnecting' : 'connecting');
    if (state.agent) return t('chattingWith', { name: state.agent.name || state.agent.id || t('agent') });
    if (state.queuePosition != null) {
      const wait = state.estimatedWaitSeconds;
      // Without a reliable estimate (routing sends none before a campaign's first answers) only the place shows.
      if (wait == null) return t('queue', { n: state.queuePosition });
      return wait < 60 ? t('queueUnderAMinute', { n: state.queuePosition })
        : t('queueMinutes', { n: state.queuePosition, m: Math.round(wait / 60) });
    }
    return '';
  }
}
