// Create/edit form of a campaign: every field in sections, client checks for the obvious (required
// fields), and the server's problem details shown beside the matching input (errors[].field paths
// are set as data-path on the inputs) with a summary at the top. Saves with If-Match; a 412 keeps
// the user's input and offers a reload.

import { h, clear } from '../common/dom.js';
import { uid } from '../common/ids.js';
import { field, select } from './fields.js';
import { etagOf } from './api.js';
import { ScheduleEditor } from './schedule.js';
import { MessagesEditor, LANGUAGES } from './messages.js';
import { MembersEditor } from './agents.js';

export const STRATEGIES = [
  ['RING_ALL', 'Ring all'],
  ['LONGEST_IDLE', 'Longest idle'],
  ['LEAST_BUSY', 'Least busy'],
  ['ROUND_ROBIN', 'Round robin'],
  ['MANUAL', 'Manual pick'],
];
export const FORMULAS = [
  ['ANSWERED_PLUS_LATE_ABANDONS', 'Answered in time ÷ (answered + abandoned after threshold)'],
  ['ANSWERED_ONLY', 'Answered in time ÷ answered'],
  ['ALL_ABANDONS', 'Answered in time ÷ (answered + all abandoned)'],
  ['EARLY_ABANDONS_AS_MET', '(Answered in time + abandoned in time) ÷ offered'],
  ['OFFERED', 'Answered in time ÷ offered'],
];

const DEFAULTS = {
  name: '',
  strategy: 'LONGEST_IDLE',
  serviceLevelSeconds: 20,
  serviceLevelFormula: 'ANSWERED_PLUS_LATE_ABANDONS',
  shortAbandonSeconds: 5,
  schedule: null,
  maxWaiting: 10,
  allowAudio: false,
  allowVideo: false,
  offlineMessagesEnabled: true,
  allowedOrigins: [],
  defaultLanguage: 'es',
  messages: {},
  agentMembers: [],
};

/** Server paths to the form's: messages[welcome][fr] and <map value> segments → dotted names. */
export function normalizePath(path) {
  return String(path || '')
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]\d][^\]]*)\]/g, '.$1')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** Shorter and shorter prefixes of a path: a.b[1].c → a.b[1].c, a.b[1], a.b, a. */
function prefixes(path) {
  const result = [path];
  let p = path;
  while (p) {
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
    result.push(p);
  }
  return result;
}

export class CampaignForm {
  /**
   * campaign: the API's campaign (edit) or null (create); etag: its ETag; groups: the caller's
   * security groups; onDone(savedCampaign, created) / onCancel() navigate away; onReload() re-fetches.
   */
  constructor({ api, campaign, etag, groups, readOnly, onDone, onCancel, onReload }) {
    this.api = api;
    this.campaign = campaign;
    this.etag = etag || (campaign ? etagOf(campaign.version) : null);
    this.readOnly = readOnly;
    this.onDone = onDone;
    this.onCancel = onCancel;
    this.onReload = onReload;
    this.saving = false;
    const c = { ...DEFAULTS, securityGroup: groups[0] || '', ...(campaign || {}) };
    const ro = readOnly;
    const changed = () => this.changedSoon();

    this.name = h('input', { type: 'text', required: true, maxlength: '120', testid: 'campaign-name', value: c.name, disabled: ro, autocomplete: 'off' });
    const groupOptions = groups.includes(c.securityGroup) || !c.securityGroup ? groups : [...groups, c.securityGroup];
    this.group = select(groupOptions, c.securityGroup, { testid: 'campaign-security-group', required: true, disabled: ro || Boolean(campaign) });
    this.strategy = select(STRATEGIES, c.strategy, { testid: 'campaign-strategy', disabled: ro });
    this.language = select(LANGUAGES, c.defaultLanguage, { testid: 'campaign-default-language', disabled: ro });
    this.slSeconds = number(c.serviceLevelSeconds, { testid: 'campaign-sl-seconds', min: '1', max: '3600', required: true, disabled: ro });
    this.formula = select(FORMULAS, c.serviceLevelFormula, { testid: 'campaign-sl-formula', disabled: ro });
    this.shortAbandon = number(c.shortAbandonSeconds, { testid: 'campaign-short-abandon', min: '0', max: '3600', disabled: ro });
    this.maxWaiting = number(c.maxWaiting, { testid: 'campaign-max-waiting', min: '0', disabled: ro });
    this.audio = checkbox(c.allowAudio, { testid: 'campaign-allow-audio', disabled: ro });
    this.video = checkbox(c.allowVideo, { testid: 'campaign-allow-video', disabled: ro });
    this.offline = checkbox(c.offlineMessagesEnabled, { testid: 'campaign-offline-enabled', disabled: ro });
    this.origins = h('div', { class: 'origins', testid: 'origin-list', dataset: { path: 'allowedOrigins' } });
    for (const o of c.allowedOrigins || []) this.origins.append(this.originRow(o));
    this.schedule = new ScheduleEditor(c.schedule, { readOnly: ro, onChange: changed });
    this.messages = new MessagesEditor(c.messages, { api, readOnly: ro, getDefaultLanguage: () => this.language.value });
    this.members = new MembersEditor(c.agentMembers, { api, readOnly: ro, onChange: changed, getGroup: () => this.group.value });

    this.summary = h('div', { class: 'error-summary', testid: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
    this.conflict = h('div', { class: 'conflict', testid: 'conflict-banner', role: 'alert', hidden: true },
      h('p', {}, 'This campaign was changed by someone else — reload to see their version. Your input is kept below; reloading discards it.'),
      h('button', { type: 'button', class: 'secondary', testid: 'conflict-reload', onclick: () => this.onReload() }, 'Reload'));
    this.saveButton = h('button', { type: 'submit', class: 'primary', testid: 'campaign-save' }, campaign ? 'Save changes' : 'Create campaign');
    const title = campaign ? (ro ? `Campaign ${campaign.name}` : `Edit campaign ${campaign.name}`) : 'New campaign';

    this.element = h('form', { class: 'campaign-form', testid: 'campaign-form', novalidate: true, 'aria-labelledby': 'form-title',
      onsubmit: (event) => { event.preventDefault(); this.save(); } },
      h('div', { class: 'form-head' },
        h('h2', { id: 'form-title', testid: 'form-title' }, title),
        campaign ? h('p', { class: 'meta' }, `Version ${campaign.version}`, campaign.updatedAt ? ` · updated ${new Date(campaign.updatedAt).toLocaleString()}` : '') : null),
      ro ? h('p', { class: 'notice', testid: 'read-only-notice' }, 'Read-only: only administrators can change campaigns.') : null,
      this.conflict, this.summary,
      section('General',
        field('Name', this.name, { path: 'name', hint: 'Unique within its security group.' }),
        field('Security group', this.group, { path: 'securityGroup', hint: campaign ? 'Fixed once the campaign exists.' : 'Only users of this group see and handle the campaign.' }),
        field('Routing strategy', this.strategy, { path: 'strategy' }),
        field('Default language', this.language, { path: 'defaultLanguage', hint: 'Used when a message is missing in the customer\'s language.' })),
      section('Service level',
        field('Threshold (seconds)', this.slSeconds, { path: 'serviceLevelSeconds', hint: 'A chat answered within this time counts as answered in time.' }),
        field('Formula', this.formula, { path: 'serviceLevelFormula' }),
        field('Short abandon (seconds)', this.shortAbandon, { path: 'shortAbandonSeconds', hint: 'Customers who leave sooner than this are counted apart.' })),
      section('Schedule', this.schedule.element),
      section('Widget',
        field('Maximum waiting chats', this.maxWaiting, { path: 'maxWaiting', hint: 'Beyond it customers get the "not available" message.' }),
        checkField('Allow audio calls', this.audio, 'allowAudio'),
        checkField('Allow video calls', this.video, 'allowVideo'),
        checkField('Offline messages (out of hours form)', this.offline, 'offlineMessagesEnabled'),
        h('fieldset', { class: 'field origins-set', dataset: { field: 'allowedOrigins' } },
          h('legend', {}, 'Allowed website origins'),
          h('p', { class: 'hint' }, 'The widget only works on these origins, e.g. https://www.example.com.'),
          this.origins,
          ro ? null : h('button', { type: 'button', class: 'secondary', testid: 'origin-add',
            onclick: () => { const row = this.originRow(''); this.origins.append(row); row.querySelector('input').focus(); changed(); } }, '+ Add origin'))),
      section('Messages', this.messages.element),
      section('Agents', this.members.element),
      h('div', { class: 'form-actions' },
        ro ? null : this.saveButton,
        h('button', { type: 'button', class: 'secondary', testid: 'campaign-cancel', onclick: () => this.onCancel() }, ro ? 'Back to campaigns' : 'Cancel')));
    this.element.addEventListener('input', changed);
    this.element.addEventListener('change', changed);
    this.initial = JSON.stringify(this.read());
  }

  originRow(value) {
    const input = h('input', { type: 'url', value, testid: 'origin-input', id: uid('origin'), placeholder: 'https://www.example.com', disabled: this.readOnly });
    const row = h('div', { class: 'origin-row', 'data-error-host': '' },
      h('label', { for: input.id, class: 'sr-only' }, 'Allowed origin'), input,
      this.readOnly ? null : h('button', { type: 'button', class: 'icon-button', testid: 'origin-remove', 'aria-label': 'Remove this origin', title: 'Remove this origin',
        onclick: () => { row.remove(); this.changedSoon(); } }, '−'));
    return row;
  }

  changedSoon() {
    // Nothing to compute eagerly: isDirty() compares on demand.
  }

  isDirty() {
    return !this.readOnly && JSON.stringify(this.read()) !== this.initial;
  }

  /** The campaign in API shape; also tags list inputs with their API paths. */
  read() {
    // Empty rows are ignored; the others get their index in the sent list as their error path.
    const origins = [];
    for (const input of this.origins.querySelectorAll('input')) {
      const value = input.value.trim();
      input.dataset.path = value ? `allowedOrigins[${origins.length}]` : '';
      if (value) origins.push(value);
    }
    return {
      name: this.name.value.trim(),
      securityGroup: this.group.value,
      strategy: this.strategy.value,
      serviceLevelSeconds: toNumber(this.slSeconds.value),
      serviceLevelFormula: this.formula.value,
      shortAbandonSeconds: toNumber(this.shortAbandon.value),
      schedule: this.schedule.read(),
      maxWaiting: toNumber(this.maxWaiting.value),
      allowAudio: this.audio.checked,
      allowVideo: this.video.checked,
      offlineMessagesEnabled: this.offline.checked,
      allowedOrigins: origins,
      defaultLanguage: this.language.value,
      messages: this.messages.read(),
      agentMembers: this.members.read(),
    };
  }

  /** Required-field checks only; the server validates everything else. */
  check(campaign) {
    const errors = [];
    if (!campaign.name) errors.push({ field: 'name', message: 'Enter a name' });
    if (!campaign.securityGroup) errors.push({ field: 'securityGroup', message: 'Choose a security group' });
    if (campaign.serviceLevelSeconds === null) errors.push({ field: 'serviceLevelSeconds', message: 'Enter the service-level threshold in seconds' });
    return errors.concat(this.schedule.check());
  }

  async save() {
    if (this.saving || this.readOnly) return;
    const campaign = this.read();
    this.clearErrors();
    const local = this.check(campaign);
    if (local.length) {
      this.showErrors(local, 'Please correct the highlighted fields.');
      return;
    }
    this.saving = true;
    this.saveButton.disabled = true;
    this.saveButton.textContent = 'Saving…';
    try {
      const result = this.campaign
        ? await this.api.updateCampaign(this.campaign.id, campaign, this.etag)
        : await this.api.createCampaign(campaign);
      this.initial = JSON.stringify(campaign);
      this.onDone(result.data || { ...campaign, id: this.campaign?.id }, !this.campaign);
    } catch (error) {
      if (error.status === 412) {
        this.conflict.hidden = false;
        this.conflict.querySelector('button').focus();
      } else if (error.status === 401) {
        this.showErrors([], 'Your session has ended. Sign in again (in another tab, to keep this input) and retry.');
      } else {
        const title = error.problem?.title && error.problem?.detail && error.problem.detail !== error.problem.title
          ? `${error.problem.title}: ${error.problem.detail}` : error.message;
        this.showErrors(error.errors.length ? error.errors : guessField(error), title);
      }
    } finally {
      this.saving = false;
      this.saveButton.disabled = false;
      this.saveButton.textContent = this.campaign ? 'Save changes' : 'Create campaign';
    }
  }

  clearErrors() {
    for (const el of this.element.querySelectorAll('[data-testid=field-error]')) el.remove();
    for (const el of this.element.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      const described = (el.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.startsWith('err-')).join(' ');
      if (described) el.setAttribute('aria-describedby', described);
      else el.removeAttribute('aria-describedby');
    }
    this.summary.hidden = true;
    clear(this.summary);
    this.conflict.hidden = true;
    this.messages.markErrors();
  }

  /** Each error beside its input (found by data-path, or the nearest enclosing path), and a summary. */
  showErrors(errors, title) {
    this.read(); // refresh data-path attributes of list rows
    const items = errors.map((e) => {
      const path = normalizePath(e.field);
      const target = prefixes(path).map((p) => this.element.querySelector(`[data-path="${CSS.escape(p)}"]`)).find(Boolean);
      let errorEl = null;
      if (target) {
        const id = uid('err');
        errorEl = h('p', { class: 'field-error', testid: 'field-error', id, dataset: { errorFor: path } }, e.message);
        const host = target.closest('[data-error-host]') || target.closest('.field') || target;
        if (host === target && !/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) target.prepend(errorEl);
        else host.append(errorEl);
        if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
          target.setAttribute('aria-invalid', 'true');
          target.setAttribute('aria-describedby', `${target.getAttribute('aria-describedby') || ''} ${id}`.trim());
        }
      }
      const label = target ? labelOf(target) : path;
      const link = h('button', { type: 'button', class: 'link', onclick: () => this.focusField(target) }, label ? `${label}: ` : '', e.message);
      return h('li', { testid: 'error-summary-item', dataset: { field: path } }, target ? link : `${path ? `${path}: ` : ''}${e.message}`);
    });
    this.messages.markErrors();
    this.summary.append(h('p', { class: 'summary-title' }, title || 'The campaign was not saved.'), items.length ? h('ul', {}, items) : null);
    this.summary.hidden = false;
    this.summary.focus();
  }

  focusField(target) {
    if (!target) return;
    this.messages.reveal(target);
    const focusable = /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName) ? target : target.querySelector('input, select, textarea, button');
    (focusable || target).focus();
    (focusable || target).scrollIntoView({ block: 'center' });
  }
}

/** A 409 without field errors (e.g. a duplicate name) still belongs beside a field when it says which. */
function guessField(error) {
  const text = `${error.problem?.title || ''} ${error.problem?.detail || ''}`.toLowerCase();
  if (error.status === 409 && text.includes('name')) return [{ field: 'name', message: error.problem.detail || 'This name is already taken in this security group' }];
  return [];
}

function labelOf(target) {
  const control = /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) ? target : target.querySelector('input, select, textarea');
  const label = control?.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  if (label && !label.classList.contains('sr-only')) return label.textContent;
  const legend = target.closest('fieldset')?.querySelector('legend');
  const where = target.closest('[role=group]')?.getAttribute('aria-label');
  return [legend?.textContent, where, label?.textContent].filter(Boolean).join(' › ');
}

function section(title, ...content) {
  const id = uid('section');
  return h('section', { class: 'form-section', 'aria-labelledby': id, testid: `section-${title.toLowerCase().replace(/\s+/g, '-')}` },
    h('h3', { id }, title), content);
}

function number(value, attrs) {
  return h('input', { type: 'number', step: '1', inputmode: 'numeric', value: value ?? '', ...attrs });
}

function checkbox(value, attrs) {
  return h('input', { type: 'checkbox', checked: Boolean(value), ...attrs });
}

function checkField(label, input, path) {
  input.id = uid('check');
  input.dataset.path = path;
  return h('div', { class: 'field check', dataset: { field: path } }, input, h('label', { for: input.id }, label));
}

function toNumber(value) {
  return value === '' || value === null ? null : Number(value);
}
