// The customer's WebSocket (/ws/customer, docs/protocols.md "Customer"): opens it when the conversation wants
// one, sends the hello that resumes the stored session, and reconnects with the shared backoff until told to stop.

import { reconnectDelay } from '../../console/common/backoff.js';
import { parseFrame } from '../../console/common/protocol.js';

// Close codes a server may use to say "do not retry" (the browser cannot see a 403/404 handshake).
const PERMANENT_CLOSE_CODES = new Set([4403, 4404]);

export class CustomerSocket {
  /**
   * url: the socket's URL; wanted(): whether a connection is worth having now; hello(): the hello frame to
   * send on open; onFrame(frame); onChange(): the socket opened, closed or gave up.
   */
  constructor({ url, wanted, hello, onFrame, onChange }) {
    this.url = url;
    this.wanted = wanted;
    this.hello = hello;
    this.onFrame = onFrame;
    this.onChange = onChange;
    this.ws = null;
    this.serial = 0; // identifies the live connection, to know what was sent on it
    this.ready = false; // the server's `session` arrived on the live connection
    this.attempt = 0; // reconnect attempt, reset by `sessionStarted`
    this.reconnectTimer = null;
    this.everConnected = false;
    this.unavailable = false; // the server said "do not retry" (permanent close code)
    addEventListener('online', () => this.reconnectNow());
  }

  /** Opening, or waiting to reconnect, without a session yet. */
  get connecting() {
    return !this.ready && Boolean(this.ws || this.reconnectTimer);
  }

  connect() {
    if (this.ws || this.unavailable || !this.wanted()) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    this.ready = false;
    this.serial += 1;
    ws.onopen = () => {
      if (this.ws === ws) ws.send(JSON.stringify(this.hello()));
    };
    ws.onmessage = (event) => {
      if (this.ws !== ws) return;
      const frame = parseFrame(event.data, 'chat-widget');
      if (frame) this.onFrame(frame);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.ready = false;
      if (PERMANENT_CLOSE_CODES.has(event.code)) this.unavailable = true;
      else this.scheduleReconnect();
      this.onChange();
    };
    this.onChange();
  }

  /** The server's `session` arrived: the connection is usable, and the backoff starts over. */
  sessionStarted() {
    this.ready = true;
    this.attempt = 0;
    this.everConnected = true;
  }

  scheduleReconnect() {
    if (this.reconnectTimer || !this.wanted()) return;
    const delay = reconnectDelay(this.attempt);
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
    this.reconnectTimer = null;
    if (ws) ws.close(1000);
  }

  /** A fresh start (new chat): a permanent refusal of the old one no longer holds. */
  reset() {
    this.disconnect();
    this.unavailable = false;
  }

  send(frame) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }
}
