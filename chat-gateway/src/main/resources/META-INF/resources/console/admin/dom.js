// Tiny DOM helpers for the admin pages: build elements declaratively, no framework.

let nextId = 0;

/** A unique element id with a readable prefix, for label/aria wiring. */
export function uid(prefix = 'f') {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/**
 * h('button', {type: 'button', testid: 'x', onclick: fn}, 'Label') → element. `testid` sets
 * data-testid, `dataset` sets data-*, `on<event>` adds listeners, false/null attributes are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key === 'testid') el.dataset.testid = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value') el.value = value;
    else if (key === 'checked' || key === 'disabled' || key === 'selected' || key === 'hidden') el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A labelled field wrapper: label, control, optional hint; errors for `path` land inside it. */
export function field(label, control, { hint, path, className = 'field' } = {}) {
  if (!control.id) control.id = uid('field');
  if (path) control.dataset.path = path;
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: className, dataset: path ? { field: path } : {} },
    h('label', { for: control.id }, label), control, hintEl);
}

/** A <select> of [value, label] pairs (or plain values). */
export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map((o) => {
    const [v, label] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v, selected: v === value }, label);
  }));
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}
