// Builds DOM elements declaratively, no framework: the one element builder of the console pages and the widget.

const BOOLEAN_PROPERTIES = new Set(['checked', 'disabled', 'selected', 'hidden']);

/**
 * h('button', {type: 'button', testid: 'x', onclick: fn}, 'Label') → element.
 * `text` sets the text content, `testid` data-testid, `dataset` data-*, `on<event>` functions add listeners,
 * `value` and checked/disabled/selected/hidden set the property; false/null/undefined attributes are skipped and
 * `true` gives an empty attribute. Children may be nodes, strings, numbers or arrays of them; null/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'testid') node.dataset.testid = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'class') node.className = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'value') node.value = value;
    else if (BOOLEAN_PROPERTIES.has(key)) node[key] = Boolean(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

/** Removes every child of `node` and returns it. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Enter sends, Shift+Enter is a new line; an IME composition is never interrupted. */
export function sendOnEnter(textarea, send) {
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
}

const toastTimers = new WeakMap();

/** Shows `text` in a toast element for a while; `isError` styles it as an error. */
export function showToast(toast, text, { isError = false, ms = 6_000 } = {}) {
  toast.textContent = text;
  toast.classList.toggle('error', isError);
  toast.hidden = false;
  clearTimeout(toastTimers.get(toast));
  toastTimers.set(toast, setTimeout(() => (toast.hidden = true), ms));
}
