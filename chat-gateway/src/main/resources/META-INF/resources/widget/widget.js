/*
 * Customer chat widget: the UI in a shadow root and the customer side of the WebSocket protocol
 * (docs/protocols.md, "Customer"). Loaded by loader.js, which calls ChatSuiteWidget.mount(config).
 *
 * A classic script (not an ES module) so a host page on another origin can load it without CORS.
 *
 * Guarantees kept here:
 * - nothing shown twice: sequenced frames with seq <= lastSeq are dropped; our own messages are
 *   matched to their echo by clientId;
 * - nothing typed is lost: messages wait in a persisted outbox until the server acks their clientId,
 *   and are re-sent (same clientId, so the server deduplicates) after every reconnect;
 * - state survives page navigation: session token, interaction id, lastSeq, transcript and outbox
 *   are stored per campaign (localStorage → sessionStorage → memory).
 */
(() => {
  'use strict';

  const MAX_TEXT = 4000; // protocols.md: message text is 1..4000 characters
  const MAX_FRAME_BYTES = 16 * 1024; // protocols.md: frames are at most 16 KiB
  const MAX_STORED_ENTRIES = 300; // bounds what one chat may take of the ~5 MB storage quota
  const ACK_TIMEOUT_MS = 10_000; // unacked on a live connection this long: send again
  const MAX_RESENDS = 5; // resends on one live connection before a message is shown as failed
  const SESSION_WAIT_MS = 5_000; // after SESSION_INVALID, how long to wait for the fresh `session`
  const END_WAIT_MS = 5_000; // after `end` is sent, how long to wait for `ended`
  const BACKOFF_BASE_MS = 500;
  const BACKOFF_MAX_MS = 30_000;
  // Close codes a server may use to say "do not retry" (the browser cannot see a 403/404 handshake).
  const PERMANENT_CLOSE_CODES = new Set([4403, 4404]);

  const STRINGS = {
    en: {
      title: 'Chat with us',
      openChat: 'Open chat',
      closeChat: 'Close chat',
      minimize: 'Minimize chat',
      transcript: 'Conversation',
      inputLabel: 'Your message',
      placeholder: 'Type your message…',
      send: 'Send',
      end: 'End chat',
      connecting: 'Connecting…',
      reconnecting: 'Connection lost. Reconnecting…',
      queue: 'You are number {n} in the queue',
      joined: '{name} joined the chat',
      chattingWith: 'You are chatting with {name}',
      ended: 'The chat has ended',
      ending: 'Ending the chat…',
      newChat: 'Start a new chat',
      you: 'You',
      agent: 'Agent',
      pending: 'Sending…',
      sent: 'Sent',
      failed: 'Not sent',
      retry: 'Retry',
      expired: 'Your previous chat expired. A new chat has started.',
      unread: '{n} new messages',
      rejectedUNAVAILABLE: 'All our agents are busy right now. Please try again later.',
      rejectedOUT_OF_HOURS: 'We are closed right now.',
      rejectedUNKNOWN_CAMPAIGN: 'This chat is not available.',
      tooLong: 'This message is too long.',
      errorGeneric: 'Something went wrong. Please try again.',
      errorClosed: 'The chat is closed right now.',
      unavailable: 'The chat is not available on this site.',
    },
    es: {
      title: 'Chatea con nosotros',
      openChat: 'Abrir chat',
      closeChat: 'Cerrar chat',
      minimize: 'Minimizar chat',
      transcript: 'Conversación',
      inputLabel: 'Tu mensaje',
      placeholder: 'Escribe tu mensaje…',
      send: 'Enviar',
      end: 'Terminar chat',
      connecting: 'Conectando…',
      reconnecting: 'Conexión perdida. Reconectando…',
      queue: 'Eres el número {n} en la cola',
      joined: '{name} se unió al chat',
      chattingWith: 'Estás chateando con {name}',
      ended: 'El chat ha terminado',
      ending: 'Terminando el chat…',
      newChat: 'Iniciar un nuevo chat',
      you: 'Tú',
      agent: 'Agente',
      pending: 'Enviando…',
      sent: 'Enviado',
      failed: 'No enviado',
      retry: 'Reintentar',
      expired: 'Tu chat anterior expiró. Se ha iniciado un nuevo chat.',
      unread: '{n} mensajes nuevos',
      rejectedUNAVAILABLE: 'Todos nuestros agentes están ocupados. Inténtalo más tarde.',
      rejectedOUT_OF_HOURS: 'En este momento estamos cerrados.',
      rejectedUNKNOWN_CAMPAIGN: 'Este chat no está disponible.',
      tooLong: 'El mensaje es demasiado largo.',
      errorGeneric: 'Algo salió mal. Inténtalo de nuevo.',
      errorClosed: 'El chat está cerrado en este momento.',
      unavailable: 'El chat no está disponible en este sitio.',
    },
    pt: {
      title: 'Fale conosco',
      openChat: 'Abrir chat',
      closeChat: 'Fechar chat',
      minimize: 'Minimizar chat',
      transcript: 'Conversa',
      inputLabel: 'Sua mensagem',
      placeholder: 'Escreva sua mensagem…',
      send: 'Enviar',
      end: 'Encerrar chat',
      connecting: 'Conectando…',
      reconnecting: 'Conexão perdida. Reconectando…',
      queue: 'Você é o número {n} na fila',
      joined: '{name} entrou no chat',
      chattingWith: 'Você está conversando com {name}',
      ended: 'O chat foi encerrado',
      ending: 'Encerrando o chat…',
      newChat: 'Iniciar um novo chat',
      you: 'Você',
      agent: 'Atendente',
      pending: 'Enviando…',
      sent: 'Enviada',
      failed: 'Não enviada',
      retry: 'Tentar novamente',
      expired: 'Seu chat anterior expirou. Um novo chat foi iniciado.',
      unread: '{n} mensagens novas',
      rejectedUNAVAILABLE: 'Todos os nossos atendentes estão ocupados. Tente novamente mais tarde.',
      rejectedOUT_OF_HOURS: 'Estamos fechados neste momento.',
      rejectedUNKNOWN_CAMPAIGN: 'Este chat não está disponível.',
      tooLong: 'A mensagem é longa demais.',
      errorGeneric: 'Algo deu errado. Tente novamente.',
      errorClosed: 'O chat está fechado no momento.',
      unavailable: 'O chat não está disponível neste site.',
    },
  };

  // ---------------------------------------------------------------------------------------------
  // Storage: localStorage → sessionStorage → memory. Either web storage may be missing or throw
  // (privacy modes, third-party storage blocked, quota), so each is probed before use.

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

  /** The widget's persisted state for one campaign, under one key (so it is saved atomically). */
  class StateStore {
    constructor(campaignId) {
      this.key = `chatsuite.widget.v1.${campaignId}`;
      Object.assign(this, pickStorage());
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
          this.store.setItem(this.key, JSON.stringify({ ...trimmed, entries: trimmed.entries.slice(-30) }));
        } catch {
          this.kind = 'memory';
          this.store = memoryStorage();
          this.store.setItem(this.key, JSON.stringify(trimmed));
        }
      }
    }
  }

  function freshState() {
    return {
      v: 1,
      sessionToken: null,
      interactionId: null,
      lastSeq: 0,
      open: false,
      ended: false,
      endRequested: false,
      queuePosition: null,
      agent: null,
      // Transcript, in display order: {key, kind: message|system|notice, ...}.
      entries: [],
      // Customer messages not yet acked: {clientId, text}.
      outbox: [],
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  /** crypto.randomUUID exists only in secure contexts; a host page may be plain http. */
  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** Exponential backoff with "equal jitter": never zero, and clients do not reconnect in lockstep. */
  function backoffDelay(attempt) {
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

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

  const ICON_CHAT = '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">'
    + '<path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';
  const ICON_CLOSE = '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">'
    + '<path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/></svg>';
  const ICON_MINIMIZE = '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">'
    + '<path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" d="M6 12h12"/></svg>';

  // ---------------------------------------------------------------------------------------------

  class Widget {
    constructor(config) {
      this.config = config;
      this.lang = STRINGS[config.language] ? config.language : 'en';
      this.strings = STRINGS[this.lang];
      this.store = new StateStore(config.campaignId);
      this.state = this.store.load() || freshState();

      // Connection (never persisted).
      this.ws = null;
      this.connectionSerial = 0; // identifies the live connection, to know what was sent on it
      this.ready = false; // `session` received on the live connection
      this.attempt = 0; // reconnect attempt, reset by a `session` frame
      this.reconnectTimer = null;
      this.everConnected = false;
      this.unavailable = false; // the server said "do not retry" (permanent close code)
      this.presentedToken = null; // the token sent in the last hello
      this.sessionWaitTimer = null;
      this.endSentAt = 0;
      this.unread = 0;
      this.sentLog = new Map(); // clientId -> {serial, at, resends}

      this.buildDom();
      this.renderAll();

      addEventListener('online', () => this.reconnectNow());
      // Checks ack timeouts and a lost `ended` reply; cheap enough to run all the time.
      setInterval(() => this.tick(), 2_000);

      if (this.state.open) this.open({ focus: false });
      else if (this.hasConversation()) this.connect();
    }

    t(key, params = {}) {
      const text = this.strings[key] ?? STRINGS.en[key] ?? key;
      return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
    }

    // ----- DOM -----------------------------------------------------------------------------------

    buildDom() {
      // A custom element name: page rules for `div` and the like do not match the host.
      const host = el('chatsuite-widget', { id: 'chatsuite-widget', 'data-testid': 'chat-widget' });
      // Hidden until the stylesheet has loaded: no flash of unstyled UI. (display, not visibility:
      // visibility would be inherited, and reset by `all: initial` inside.)
      host.style.setProperty('display', 'none', 'important');
      const root = host.attachShadow({ mode: 'open' }); // open: end-to-end tests pierce it
      const css = el('link', { rel: 'stylesheet', href: new URL('widget.css', this.config.widgetBase).href });
      const reveal = () => host.style.removeProperty('display');
      css.addEventListener('load', reveal);
      css.addEventListener('error', reveal);

      const s = this.strings;
      this.launcher = el('button', {
        type: 'button', class: 'launcher', 'data-testid': 'chat-launcher',
        'aria-controls': 'chat-panel', 'aria-expanded': 'false', 'aria-label': s.openChat,
      });
      this.badge = el('span', { class: 'badge', 'data-testid': 'chat-unread', hidden: true });

      this.status = el('p', { class: 'status', role: 'status', 'data-testid': 'chat-status' });
      this.errorLine = el('p', { class: 'error', 'aria-live': 'polite', 'data-testid': 'chat-error', hidden: true });
      this.transcript = el('div', {
        class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-label': s.transcript,
        tabindex: '0', 'data-testid': 'chat-transcript',
      });

      this.endButton = el('button', { type: 'button', class: 'end', 'data-testid': 'chat-end', text: s.end });
      this.minimizeButton = el('button', {
        type: 'button', class: 'icon', 'data-testid': 'chat-close', 'aria-label': s.minimize, title: s.minimize,
      });
      this.minimizeButton.innerHTML = ICON_MINIMIZE;

      this.input = el('textarea', {
        id: 'chat-input', class: 'input', rows: '1', maxlength: String(MAX_TEXT),
        placeholder: s.placeholder, 'data-testid': 'chat-input', autocomplete: 'off',
      });
      this.sendButton = el('button', { type: 'submit', class: 'send', 'data-testid': 'chat-send', text: s.send });
      this.form = el('form', { class: 'composer' },
        el('label', { class: 'sr-only', for: 'chat-input', text: s.inputLabel }), this.input, this.sendButton);

      this.newChatButton = el('button', { type: 'button', class: 'new-chat', 'data-testid': 'chat-new', text: s.newChat });
      // The status line and the transcript already say that the chat ended.
      this.endedBox = el('div', { class: 'ended', 'data-testid': 'chat-ended', hidden: true }, this.newChatButton);

      this.panel = el('section', {
        id: 'chat-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'chat-title',
        'data-testid': 'chat-panel', hidden: true,
      },
      el('header', { class: 'header' },
        el('h2', { id: 'chat-title', class: 'title', text: s.title }), this.endButton, this.minimizeButton),
      this.status, this.transcript, this.errorLine, this.endedBox, this.form);

      this.container = el('div', { class: 'root', lang: this.lang }, this.panel, this.launcher);
      root.append(css, this.container);
      document.body.appendChild(host);

      this.launcher.addEventListener('click', () => (this.state.open ? this.close() : this.open()));
      this.minimizeButton.addEventListener('click', () => this.close());
      this.endButton.addEventListener('click', () => this.end());
      this.newChatButton.addEventListener('click', () => this.startNewChat());
      this.panel.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') this.close();
      });
      this.form.addEventListener('submit', (e) => {
        e.preventDefault();
        this.submit();
      });
      this.input.addEventListener('keydown', (e) => {
        // Enter sends, Shift+Enter is a newline; never interrupt an IME composition.
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.submit();
        }
      });
      this.input.addEventListener('input', () => this.autosize());
      this.transcript.addEventListener('click', (e) => {
        const retry = e.target.closest('[data-retry]');
        if (retry) this.retry(retry.getAttribute('data-retry'));
      });
    }

    /** Grows the textarea with its content up to 5 lines (scrollHeight excludes the 2px border). */
    autosize() {
      this.input.style.height = 'auto';
      this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 120)}px`;
    }

    renderAll() {
      this.transcript.replaceChildren(...this.state.entries.map((entry) => this.renderEntry(entry)));
      this.renderChrome();
      this.scrollToEnd();
    }

    /** Everything except the transcript: open state, status line, ended box, controls. */
    renderChrome() {
      const { state, strings: s } = this;
      this.panel.hidden = !state.open;
      this.container.classList.toggle('is-open', state.open);
      this.launcher.setAttribute('aria-expanded', String(state.open));
      this.launcher.setAttribute('aria-label', state.open ? s.closeChat : s.openChat);
      this.launcher.innerHTML = state.open ? ICON_CLOSE : ICON_CHAT;
      this.badge.hidden = state.open || this.unread === 0;
      this.badge.textContent = String(this.unread);
      this.badge.setAttribute('aria-label', this.t('unread', { n: this.unread }));
      this.launcher.append(this.badge);

      this.status.textContent = this.statusText();
      this.endedBox.hidden = !state.ended;
      this.form.hidden = state.ended;
      this.endButton.hidden = state.ended;
      this.endButton.disabled = state.endRequested;
    }

    statusText() {
      const { state } = this;
      if (this.unavailable) return this.t('unavailable');
      if (state.ended) return this.t('ended');
      if (state.endRequested) return this.t('ending');
      if (!this.ready && (this.ws || this.reconnectTimer)) {
        return this.everConnected ? this.t('reconnecting') : this.t('connecting');
      }
      if (state.agent) return this.t('chattingWith', { name: state.agent.name || state.agent.id || this.t('agent') });
      if (state.queuePosition != null) return this.t('queue', { n: state.queuePosition });
      return '';
    }

    renderEntry(entry) {
      if (entry.kind === 'notice') {
        return el('div', { class: 'notice', 'data-key': entry.key, 'data-testid': 'chat-notice', text: this.noticeText(entry) });
      }
      if (entry.kind === 'system') {
        return el('div', {
          class: 'msg msg-system', 'data-key': entry.key, 'data-testid': 'chat-message', 'data-role': 'system',
        }, el('p', { class: 'text', text: entry.text }));
      }
      const mine = entry.role === 'CUSTOMER';
      const role = mine ? 'customer' : entry.role === 'AGENT' ? 'agent' : 'system';
      const node = el('div', {
        class: `msg msg-${role}`, 'data-key': entry.key, 'data-testid': 'chat-message',
        'data-role': role, 'data-state': mine ? entry.state : false,
      });
      if (role === 'agent') node.append(el('span', { class: 'who', text: entry.name || this.t('agent') }));
      node.append(el('p', { class: 'text', text: entry.text }));
      const meta = el('span', { class: 'meta' });
      if (entry.at) {
        meta.append(new Date(entry.at).toLocaleTimeString(this.lang, { hour: '2-digit', minute: '2-digit' }));
      }
      if (mine) {
        meta.append(el('span', { class: 'delivery', text: (entry.at ? ' · ' : '') + this.t(entry.state) }));
        if (entry.state === 'failed') {
          meta.append(' ', el('button', { type: 'button', class: 'retry', 'data-retry': entry.clientId, text: this.t('retry') }));
        }
      }
      node.append(meta);
      return node;
    }

    noticeText(entry) {
      return this.t(entry.notice, entry.params);
    }

    /** Adds an entry or replaces the one with the same key, in the state and on screen. */
    upsert(entry) {
      const index = this.state.entries.findIndex((e) => e.key === entry.key);
      const node = this.renderEntry(entry);
      const stick = this.isNearEnd();
      if (index >= 0) {
        this.state.entries[index] = entry;
        const old = this.transcript.querySelector(`[data-key="${CSS.escape(entry.key)}"]`);
        if (old) old.replaceWith(node);
        else this.transcript.append(node);
      } else {
        this.state.entries.push(entry);
        this.transcript.append(node);
      }
      if (stick) this.scrollToEnd();
    }

    findEntry(key) {
      return this.state.entries.find((e) => e.key === key);
    }

    isNearEnd() {
      const t = this.transcript;
      return t.scrollHeight - t.scrollTop - t.clientHeight < 60;
    }

    scrollToEnd() {
      this.transcript.scrollTop = this.transcript.scrollHeight;
    }

    showError(key) {
      this.errorLine.textContent = this.t(key);
      this.errorLine.hidden = false;
      clearTimeout(this.errorTimer);
      this.errorTimer = setTimeout(() => (this.errorLine.hidden = true), 8_000);
    }

    persist() {
      this.store.save(this.state);
    }

    // ----- public API -----------------------------------------------------------------------------

    open({ focus = true } = {}) {
      this.state.open = true;
      this.unread = 0;
      this.persist();
      this.renderChrome();
      this.scrollToEnd();
      if (!this.state.ended) this.connect();
      if (focus) (this.state.ended ? this.newChatButton : this.input).focus();
    }

    close() {
      const hadFocus = this.panel.contains(this.panel.getRootNode().activeElement);
      this.state.open = false;
      this.persist();
      this.renderChrome();
      if (hadFocus) this.launcher.focus();
    }

    // ----- customer actions ---------------------------------------------------------------------

    submit() {
      const text = this.input.value.trim();
      if (!text || this.state.ended) return;
      const clientId = uuid();
      if (text.length > MAX_TEXT || !this.fitsInFrame({ type: 'message', clientId, text })) {
        this.showError('tooLong');
        return;
      }
      this.input.value = '';
      this.autosize();
      this.state.outbox.push({ clientId, text });
      this.upsert({ key: `c:${clientId}`, kind: 'message', role: 'CUSTOMER', clientId, text, at: new Date().toISOString(), state: 'pending' });
      this.persist();
      this.connect();
      this.flush();
    }

    retry(clientId) {
      const entry = this.findEntry(`c:${clientId}`);
      if (!entry || entry.state !== 'failed' || this.state.ended) return;
      this.sentLog.delete(clientId);
      this.state.outbox.push({ clientId, text: entry.text });
      this.upsert({ ...entry, state: 'pending' });
      this.persist();
      this.connect();
      this.flush();
    }

    end() {
      if (this.state.ended) return;
      if (!this.state.sessionToken && !this.ws) {
        // Nothing exists on the server yet: ending is local.
        this.markEnded();
        return;
      }
      this.state.endRequested = true;
      this.persist();
      this.renderChrome();
      this.connect();
      this.sendEnd();
    }

    startNewChat() {
      this.disconnect();
      const open = this.state.open;
      this.state = { ...freshState(), open };
      this.unavailable = false;
      this.persist();
      this.renderAll();
      this.connect();
      this.input.focus();
    }

    // ----- connection ---------------------------------------------------------------------------

    /** A conversation worth keeping a socket for even while the panel is closed. */
    hasConversation() {
      const s = this.state;
      return !s.ended && (s.outbox.length > 0 || s.endRequested || s.agent != null || s.queuePosition != null
        || s.entries.some((e) => e.role === 'CUSTOMER'));
    }

    wantsConnection() {
      return !this.unavailable && !this.state.ended && (this.state.open || this.hasConversation());
    }

    wsUrl() {
      const url = new URL('ws/customer', this.config.suiteBase);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('campaignId', this.config.campaignId);
      return url.href;
    }

    connect() {
      if (this.ws || !this.wantsConnection()) return;
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
      const ws = new WebSocket(this.wsUrl());
      this.ws = ws;
      this.ready = false;
      this.connectionSerial += 1;
      ws.onopen = () => {
        if (this.ws !== ws) return;
        const hello = { type: 'hello', language: this.lang };
        if (this.config.customerName) hello.name = this.config.customerName;
        this.presentedToken = this.state.sessionToken;
        if (this.state.sessionToken) {
          hello.sessionToken = this.state.sessionToken;
          hello.lastSeq = this.state.lastSeq;
        }
        ws.send(JSON.stringify(hello));
      };
      ws.onmessage = (event) => {
        if (this.ws !== ws) return;
        let frame;
        try {
          frame = JSON.parse(event.data);
        } catch {
          console.warn('[chat-widget] unreadable frame', event.data);
          return;
        }
        this.onFrame(frame);
      };
      ws.onclose = (event) => {
        if (this.ws !== ws) return;
        this.ws = null;
        this.ready = false;
        clearTimeout(this.sessionWaitTimer);
        if (PERMANENT_CLOSE_CODES.has(event.code)) this.unavailable = true;
        else this.scheduleReconnect();
        this.renderChrome();
      };
      this.renderChrome();
    }

    scheduleReconnect() {
      if (this.reconnectTimer || !this.wantsConnection()) return;
      const delay = backoffDelay(this.attempt);
      this.attempt += 1;
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        this.connect();
      }, delay);
    }

    /** The network is back: do not sit out the rest of a long backoff. */
    reconnectNow() {
      if (!this.reconnectTimer) return;
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
      this.connect();
    }

    disconnect() {
      const ws = this.ws;
      this.ws = null;
      this.ready = false;
      clearTimeout(this.reconnectTimer);
      clearTimeout(this.sessionWaitTimer);
      this.reconnectTimer = null;
      if (ws) ws.close(1000);
    }

    fitsInFrame(frame) {
      return new TextEncoder().encode(JSON.stringify(frame)).length <= MAX_FRAME_BYTES;
    }

    sendFrame(frame) {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
      this.ws.send(JSON.stringify(frame));
      return true;
    }

    /**
     * Sends what the outbox holds that is not yet on this connection, or unacked for too long.
     * Re-sending is safe: the server deduplicates by clientId and acks again.
     */
    flush({ force = false } = {}) {
      if (!this.ready) return;
      const now = Date.now();
      for (const item of [...this.state.outbox]) {
        const log = this.sentLog.get(item.clientId);
        const onThisConnection = log && log.serial === this.connectionSerial;
        if (onThisConnection && !force && now - log.at < ACK_TIMEOUT_MS) continue;
        const resends = onThisConnection ? log.resends + 1 : 0;
        if (resends > MAX_RESENDS) {
          this.failMessage(item.clientId);
          continue;
        }
        if (this.sendFrame({ type: 'message', clientId: item.clientId, text: item.text })) {
          this.sentLog.set(item.clientId, { serial: this.connectionSerial, at: now, resends });
        }
      }
    }

    sendEnd() {
      if (this.ready && this.sendFrame({ type: 'end' })) this.endSentAt = Date.now();
    }

    tick() {
      if (!this.ready) return;
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
      const { state } = this;
      clearTimeout(this.sessionWaitTimer);
      const presented = this.presentedToken;
      if (presented && (!frame.resumed || frame.interactionId !== state.interactionId)) {
        this.startOver();
      }
      this.state.sessionToken = frame.sessionToken;
      this.state.interactionId = frame.interactionId;
      this.ready = true;
      this.attempt = 0;
      this.everConnected = true;
      this.persist();
      this.renderChrome();
      this.flush();
      if (this.state.endRequested) this.sendEnd();
    }

    /**
     * The old session is gone (SESSION_INVALID / expired): start clean, but give the customer back
     * what they had typed and not yet delivered rather than sending it into a chat they did not see.
     */
    startOver() {
      const { state } = this;
      const unsent = state.outbox.map((m) => m.text);
      this.state = { ...freshState(), open: state.open };
      this.sentLog.clear();
      this.renderAll();
      this.upsert({ key: `n:${uuid()}`, kind: 'notice', notice: 'expired', params: {} });
      if (unsent.length) {
        this.input.value = [this.input.value, ...unsent].filter(Boolean).join('\n');
        this.autosize();
      }
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
        const notice = STRINGS.en[`rejected${frame.reason}`] ? `rejected${frame.reason}` : 'errorGeneric';
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
      if (state.open && this.panel.contains(this.panel.getRootNode().activeElement)) this.newChatButton.focus();
    }

    onError(frame) {
      console.warn('[chat-widget] server error', frame.code, frame.message);
      switch (frame.code) {
        case 'SESSION_INVALID':
          // A fresh `session` should follow; if it does not, drop the token and start over.
          this.sessionWaitTimer = setTimeout(() => {
            this.disconnect();
            this.startOver();
            this.connect();
          }, SESSION_WAIT_MS);
          break;
        case 'UNAVAILABLE':
          // Transient: the error does not say which frame failed, so retry all unacked ones.
          setTimeout(() => this.flush({ force: true }), 500 + Math.random() * 1_500);
          if (this.state.endRequested) setTimeout(() => this.sendEnd(), 1_000);
          break;
        case 'CHAT_ENDED':
          this.markEnded();
          break;
        case 'CAMPAIGN_CLOSED':
          this.showError('errorClosed');
          break;
        case 'TOO_LARGE':
          this.showError('tooLong');
          break;
        default:
          this.showError('errorGeneric');
      }
    }
  }

  window.ChatSuiteWidget = {
    mount(config) {
      const widget = new Widget(config);
      return {
        open: () => widget.open(),
        close: () => widget.close(),
      };
    },
  };
})();
