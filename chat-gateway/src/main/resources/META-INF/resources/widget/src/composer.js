// The customer's message box: a textarea that grows with its text, Enter to send and Shift+Enter for a new line.

import { h, sendOnEnter } from '../../console/common/dom.js';
import { MAX_TEXT } from '../../console/common/protocol.js';

const MAX_HEIGHT_PX = 120; // about 5 lines

export class Composer {
  /** onSubmit(): the customer asked to send what the box holds. */
  constructor({ t, onSubmit }) {
    this.input = h('textarea', {
      id: 'chat-input', class: 'input', rows: '1', maxlength: String(MAX_TEXT),
      placeholder: t('placeholder'), testid: 'chat-input', autocomplete: 'off',
    });
    this.sendButton = h('button', { type: 'submit', class: 'send', testid: 'chat-send', text: t('send') });
    this.form = h('form', { class: 'composer' },
      h('label', { class: 'sr-only', for: 'chat-input', text: t('inputLabel') }), this.input, this.sendButton);

    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      onSubmit();
    });
    sendOnEnter(this.input, onSubmit);
    this.input.addEventListener('input', () => this.autosize());
  }

  /** The text to send, trimmed. */
  get text() {
    return this.input.value.trim();
  }

  clear() {
    this.input.value = '';
    this.autosize();
  }

  /** Puts texts that could not be delivered back into the box, after what is already there. */
  restore(texts) {
    if (!texts.length) return;
    this.input.value = [this.input.value, ...texts].filter(Boolean).join('\n');
    this.autosize();
  }

  set hidden(hidden) {
    this.form.hidden = hidden;
  }

  focus() {
    this.input.focus();
  }

  /** Grows the textarea with its content up to 5 lines (scrollHeight excludes the 2px border). */
  autosize() {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, MAX_HEIGHT_PX)}px`;
  }
}
