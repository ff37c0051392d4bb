// Getting the agent's attention: the tab title (with a count, flashing for news), the screen reader
// announcer and the error toast.

import { showToast as showToastIn } from '../common/dom.js';
import { ui, unreadTotal } from './desk.js';

const APP_TITLE = 'Agent console';
const FLASH_MS = 1_000;
const FLASH_WHILE_FOCUSED_MS = 6_000;
const TOAST_MS = 6_000;

let flashTimer = null;

export function baseTitle() {
  const total = unreadTotal();
  return total > 0 ? `(${total}) ${APP_TITLE}` : APP_TITLE;
}

/** The title shows the unread count, unless it is flashing news. */
export function refreshTitle() {
  if (!flashTimer) document.title = baseTitle();
}

export function announce(text) {
  ui.announcer.textContent = text;
}

/** Alternates the tab title so that news is noticed from another tab or window. */
export function flashTitle(message) {
  stopFlash();
  let on = false;
  flashTimer = setInterval(() => {
    on = !on;
    document.title = on ? `● ${message}` : baseTitle();
  }, FLASH_MS);
  if (document.hasFocus()) setTimeout(stopFlash, FLASH_WHILE_FOCUSED_MS);
}

export function stopFlash() {
  clearInterval(flashTimer);
  flashTimer = null;
  document.title = baseTitle();
}

export function showToast(message) {
  showToastIn(ui.toast, message, { ms: TOAST_MS });
}

