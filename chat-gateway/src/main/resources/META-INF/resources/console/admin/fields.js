// Form controls of the admin pages: a labelled field (with hint and error slot) and a <select> of options.

import { h } from '../common/dom.js';
import { uid } from '../common/ids.js';

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
