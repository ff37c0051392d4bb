// Messages section: one tab per language (es / en / pt) with a textarea per message kind, and a
// preview that asks the server which text a customer of a given language would see (the fallback
// rule is MessageCatalog's, server side: that language → the default language → any configured).

import { h, clear } from '../common/dom.js';
import { uid } from '../common/ids.js';
import { select } from './fields.js';

export const LANGUAGES = [['es', 'Español'], ['en', 'English'], ['pt', 'Português']];
export const KINDS = [
  ['welcome', 'Welcome', 'Shown when the customer opens the chat while the campaign is open.'],
  ['outOfHours', 'Out of hours', 'Shown outside the schedule.'],
  ['notAvailable', 'Not available', 'Shown when the queue already holds the maximum of waiting chats.'],
  ['agentAutomatic', 'Agent automatic message', 'Sent for the agent when the chat starts.'],
  ['offline', 'Offline message prompt', 'Prompt of the leave-a-message form.'],
  ['comments', 'Comments', 'Shown when the chat ends.'],
];
const MAX_TEXT = 2000;

export class MessagesEditor {
  /** messages: {kind → {lang → text}}; getContext() → {defaultLanguage} of the form, for the preview. */
  constructor(messages, { api, readOnly = false, getDefaultLanguage }) {
    this.api = api;
    this.getDefaultLanguage = getDefaultLanguage;
    this.areas = {}; // kind → lang → textarea
    this.tabs = {};
    this.panels = {};
    const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Message language' });
    const panels = LANGUAGES.map(([lang, label], index) => {
      const tab = h('button', { type: 'button', role: 'tab', id: `message-tab-${lang}`, testid: `message-tab-${lang}`,
        'aria-controls': `message-panel-${lang}`, 'aria-selected': index === 0 ? 'true' : 'false', tabindex: index === 0 ? '0' : '-1',
        onclick: () => this.select(lang) }, label, h('span', { class: 'tab-mark', 'aria-hidden': 'true' }));
      tab.addEventListener('keydown', (event) => this.onTabKey(event, index));
      this.tabs[lang] = tab;
      tablist.append(tab);
      const panel = h('div', { role: 'tabpanel', id: `message-panel-${lang}`, 'aria-labelledby': tab.id, testid: `message-panel-${lang}`, hidden: index !== 0 },
        KINDS.map(([kind, kindLabel, hint]) => {
          const area = h('textarea', { rows: '2', maxlength: String(MAX_TEXT), testid: `message-${kind}-${lang}`, disabled: readOnly,
            value: messages?.[kind]?.[lang] || '', dataset: { path: `messages.${kind}.${lang}`, lang } });
          (this.areas[kind] ||= {})[lang] = area;
          return h('div', { class: 'field', dataset: { field: `messages.${kind}.${lang}` } },
            h('label', { for: (area.id = uid('msg')) }, `${kindLabel} (${lang})`), area, h('p', { class: 'hint' }, hint));
        }));
      this.panels[lang] = panel;
      return panel;
    });
    this.previewKind = select(KINDS.map(([k, label]) => [k, label]), 'welcome', { id: uid('pk'), testid: 'preview-kind' });
    this.previewLanguage = select(LANGUAGES, 'en', { id: uid('pl'), testid: 'preview-language' });
    this.previewResult = h('div', { class: 'preview-result', testid: 'preview-result', role: 'status', 'aria-live': 'polite' });
    const preview = h('div', { class: 'preview', 'aria-label': 'Preview', role: 'group' },
      h('h4', {}, 'Preview what a customer sees'),
      h('div', { class: 'inline-fields' },
        h('span', { class: 'field' }, h('label', { for: this.previewKind.id }, 'Message'), this.previewKind),
        h('span', { class: 'field' }, h('label', { for: this.previewLanguage.id }, 'Customer language'), this.previewLanguage),
        h('button', { type: 'button', class: 'secondary', testid: 'message-preview', onclick: () => this.preview() }, 'Preview')),
      this.previewResult);
    this.element = h('div', { class: 'messages-editor', dataset: { path: 'messages' } }, tablist, panels, preview);
  }

  onTabKey(event, index) {
    const keys = { ArrowRight: 1, ArrowLeft: -1 };
    let next = null;
    if (event.key in keys) next = (index + keys[event.key] + LANGUAGES.length) % LANGUAGES.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = LANGUAGES.length - 1;
    if (next === null) return;
    event.preventDefault();
    const lang = LANGUAGES[next][0];
    this.select(lang);
    this.tabs[lang].focus();
  }

  select(lang) {
    for (const [l] of LANGUAGES) {
      const active = l === lang;
      this.tabs[l].setAttribute('aria-selected', String(active));
      this.tabs[l].tabIndex = active ? 0 : -1;
      this.panels[l].hidden = !active;
    }
  }

  /** Shows the tab holding `element` (used to reveal a field with an error). */
  reveal(element) {
    const panel = element.closest('[role=tabpanel]');
    if (panel) this.select(panel.id.replace('message-panel-', ''));
  }

  /** Marks tabs whose panel holds an error. */
  markErrors() {
    for (const [lang] of LANGUAGES) {
      const has = Boolean(this.panels[lang].querySelector('[data-testid=field-error]'));
      this.tabs[lang].classList.toggle('has-error', has);
      this.tabs[lang].querySelector('.tab-mark').textContent = has ? ' ⚠' : '';
    }
  }

  /** {kind → {lang → text}} with only the non-empty texts. */
  read() {
    const messages = {};
    for (const [kind] of KINDS) {
      for (const [lang] of LANGUAGES) {
        const text = this.areas[kind][lang].value.trim();
        if (text) (messages[kind] ||= {})[lang] = text;
      }
    }
    return messages;
  }

  async preview() {
    const kind = this.previewKind.value;
    const language = this.previewLanguage.value;
    clear(this.previewResult).append(h('span', { class: 'hint' }, 'Loading…'));
    try {
      const { data } = await this.api.previewMessage({ messages: this.read(), defaultLanguage: this.getDefaultLanguage(), kind, language });
      clear(this.previewResult);
      if (!data?.text) {
        this.previewResult.append(h('p', { testid: 'preview-text', class: 'preview-empty' }, 'No text configured for this message in any language: the customer sees nothing.'));
        return;
      }
      this.previewResult.append(
        h('blockquote', { testid: 'preview-text', lang: data.language }, data.text),
        h('p', { testid: 'preview-fallback', class: data.fallback ? 'fallback' : 'exact' }, data.fallback
          ? `Fallback: no ${languageName(data.requestedLanguage || language)} text, so the ${languageName(data.language)} one is shown.`
          : `Shown in ${languageName(data.language)}, as requested.`));
    } catch (error) {
      clear(this.previewResult);
      if (error.status === 404) {
        // The server's answer for "no text for this kind in any language".
        this.previewResult.append(h('p', { testid: 'preview-text', class: 'preview-empty' }, 'No text configured for this message in any language: the customer sees nothing.'));
        return;
      }
      this.previewResult.append(h('p', { class: 'error', testid: 'preview-error' }, `Preview failed: ${error.message}`));
    }
  }
}

export function languageName(code) {
  const found = LANGUAGES.find(([c]) => c === code);
  return found ? found[1] : code;
}
