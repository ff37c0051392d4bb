// The WebSocket protocol's limits and delivery rules shared by the widget and the agent console
// (docs/protocols.md): sizes the server enforces, and when an unacknowledged message is sent again.

/** A message's text is 1..4000 characters. */
export const MAX_TEXT = 4000;
/** A frame is at most 16 KiB of UTF-8 JSON; a larger one is refused with TOO_LARGE. */
export const MAX_FRAME_BYTES = 16 * 1024;
/** Unacknowledged this long on a live connection: send it again. */
export const ACK_TIMEOUT_MS = 10_000;
/** Re-sends on one live connection before a message is shown as not sent. */
export const MAX_RESENDS = 5;

/** The ws: or wss: URL of the socket at `path` relative to `base` (https pages need wss). */
export function socketUrl(path, base) {
  const url = new URL(path, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}

/** The frame a socket message holds, or null (logged under `source`) when it is not JSON. */
export function parseFrame(data, source) {
  try {
    return JSON.parse(data);
  } catch {
    console.warn(`[${source}] unreadable frame`, data);
    return null;
  }
}

/** Whether `frame` fits in one protocol frame. */
export function fitsInFrame(frame) {
  return new TextEncoder().encode(JSON.stringify(frame)).length <= MAX_FRAME_BYTES;
}

/** Whether a message text is within the limits, alone and in its frame. */
export function acceptableMessage(frame) {
  return frame.text.length <= MAX_TEXT && fitsInFrame(frame);
}

/**
 * Sends what `outbox` ({clientId, text} items) holds that is not yet on this connection, or unacknowledged for
 * too long. Re-sending is safe: the server deduplicates by clientId and acknowledges again.
 * `sentLog` (clientId -> {serial, at, resends}) remembers what went out on which connection; `send(item)` returns
 * whether the frame went out; `giveUp(item)` is called for a message re-sent too often.
 */
export function flushOutbox(outbox, { sentLog, serial, force = false, send, giveUp }) {
  const now = Date.now();
  for (const item of [...outbox]) {
    const log = sentLog.get(item.clientId);
    const onThisConnection = log && log.serial === serial;
    if (onThisConnection && !force && now - log.at < ACK_TIMEOUT_MS) continue;
    const resends = onThisConnection ? log.resends + 1 : 0;
    if (resends > MAX_RESENDS) {
      giveUp(item);
      continue;
    }
    if (send(item)) sentLog.set(item.clientId, { serial, at: now, resends });
  }
}

/** A transient UNAVAILABLE error names no frame: wait a moment (jittered), then re-send everything unacked. */
export function unavailableRetryDelay() {
  return 500 + Math.random() * 1_500;
}
