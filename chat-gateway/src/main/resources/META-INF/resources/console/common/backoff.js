// The one reconnect policy of every browser connection (customer and agent sockets, the dashboard's stream).

const BASE_MS = 500;
const MAX_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first retry): exponential, capped at 30 s, with
 * "equal jitter" so that it is never zero and clients cut off together do not come back in lockstep.
 */
export function reconnectDelay(attempt) {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
