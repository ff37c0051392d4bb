// The agent's WebSocket (/ws/agent, docs/protocols.md "Agent"): connects with the current access
// token, and reconnects with the shared backoff (with a fresh token) until stopped.

import { reconnectDelay } from '../common/backoff.js';
import { parseFrame } from '../common/protocol.js';

/**
 * Browsers cannot set headers on a WebSocket, so Quarkus reads the bearer token from a subprotocol.
 * The value must be percent-encoded: a subprotocol is an HTTP token, and the space in
 * "Bearer <token>" would make the WebSocket constructor throw a SyntaxError. Quarkus decodes it.
 */
export function bearerSubprotocols(accessToken) {
  return ['bearer-token-carrier', encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${accessToken}`)];
}

/**
 * Events: 'status' (detail: connecting | online | offline), 'frame' (detail: the parsed frame).
 * `online` means the server's `hello` arrived, not merely that the socket opened.
 */
export class AgentConnection extends EventTarget {
  constructor({ url, token }) {
    super();
    this.url = url;
    this.token = token; // async ({force}) => access token
    this.ws = null;
    this.attempt = 0;
    this.timer = null;
    this.running = false;
    this.helloSeen = false;
  }

  start() {
    this.running = true;
    this.open();
    addEventListener('online', this.onBrowserOnline);
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
    removeEventListener('online', this.onBrowserOnline);
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close(1000);
    this.emitStatus('offline');
  }

  /** Sends a frame if the connection is up; returns whether it was sent. */
  send(frame) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN || !this.helloSeen) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  get online() {
    return Boolean(this.ws && this.helloSeen);
  }

  onBrowserOnline = () => {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.open();
    }
  };

  async open() {
    if (!this.running || this.ws) return;
    this.emitStatus('connecting');
    let accessToken;
    try {
      // Two handshakes in a row failed before `hello`: perhaps the token was rejected; get a new one.
      accessToken = await this.token({ force: this.attempt >= 2 });
    } catch (error) {
      if (error.sessionOver) return; // the app shows the sign-in screen
      this.retry();
      return;
    }
    if (!this.running || this.ws) return;
    const ws = new WebSocket(this.url, bearerSubprotocols(accessToken));
    this.ws = ws;
    this.helloSeen = false;
    ws.onmessage = (event) => {
      if (this.ws !== ws) return;
      const frame = parseFrame(event.data, 'console');
      if (!frame) return;
      if (frame.type === 'hello') {
        this.helloSeen = true;
        this.attempt = 0;
        this.emitStatus('online');
      }
      this.dispatchEvent(new CustomEvent('frame', { detail: frame }));
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.helloSeen = false;
      this.retry();
    };
  }

  retry() {
    if (!this.running) return;
    this.emitStatus('connecting');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open();
    }, reconnectDelay(this.attempt));
    this.attempt += 1;
  }

  emitStatus(status) {
    this.dispatchEvent(new CustomEvent('status', { detail: status }));
  }
}
