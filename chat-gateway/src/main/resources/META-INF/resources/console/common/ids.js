// Identifiers made in the browser: message client ids and element ids for label/aria wiring.

let nextElementId = 0;

/** A random UUID; crypto.randomUUID exists only in secure contexts, and a host page may be plain http. */
export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An element id unique in this page, with a readable prefix. */
export function uid(prefix = 'f') {
  nextElementId += 1;
  return `${prefix}-${nextElementId}`;
}
