// Agents section: the campaign's member usernames, with each agent's profile (display name,
// capacity) when one exists. Capacity is edited inline and saved at once to the agent profile
// (it belongs to the agent, not to the campaign, so it is not part of the campaign's Save).

import { h } from '../common/dom.js';
import { uid } from '../common/ids.js';
import { etagOf } from './api.js';

const MIN_CAPACITY = 1;
const MAX_CAPACITY = 20;

export class MembersEditor {
  /** getGroup() → the campaign's security group: a new profile is created in it. */
  constructor(members, { api, readOnly = false, onChange = () => {}, getGroup = () => '' }) {
    this.api = api;
    this.getGroup = getGroup;
    this.readOnly = readOnly;
    this.onChange = onChange;
    this.profiles = new Map(); // agentId → profile
    this.list = h('ul', { class: 'members', testid: 'member-list' });
    this.datalist = h('datalist', { id: uid('agents') });
    this.input = h('input', { type: 'text', id: uid('member'), testid: 'member-add-input', list: this.datalist.id, autocomplete: 'off', placeholder: 'username, e.g. alice',
      onkeydown: (event) => { if (event.key === 'Enter') { event.preventDefault(); this.addFromInput(); } } });
    this.message = h('p', { class: 'hint', role: 'status', testid: 'member-message' });
    for (const m of members || []) this.list.append(this.row(m));
    this.empty = h('p', { class: 'empty', testid: 'member-empty' }, 'No agents yet: nobody can take this campaign\'s chats.');
    this.element = h('div', { class: 'members-editor', dataset: { path: 'agentMembers' } },
      this.list, this.empty,
      readOnly ? null : h('div', { class: 'add-member field', 'data-error-host': '' },
        h('label', { for: this.input.id }, 'Add an agent by username'),
        h('div', { class: 'inline-fields' }, this.input, this.datalist,
          h('button', { type: 'button', class: 'secondary', testid: 'member-add', onclick: () => this.addFromInput() }, '+ Add'))),
      this.message);
    this.refreshEmpty();
    this.loadProfiles();
  }

  async loadProfiles() {
    try {
      // Up to 100 profiles (the API's largest page) feed the suggestions; members beyond are shown without.
      const { data } = await this.api.listAgentProfiles({ page: 0, size: 100, sort: 'agentId,asc' });
      const items = Array.isArray(data) ? data : (data?.items || []);
      for (const p of items) this.profiles.set(p.agentId, p);
      this.datalist.replaceChildren(...items.map((p) => h('option', { value: p.agentId }, p.displayName || p.agentId)));
      for (const row of this.list.children) this.fillRow(row);
    } catch (error) {
      // Profiles are a convenience here; the members list works without them.
      this.message.textContent = `Agent profiles could not be loaded (${error.message}).`;
    }
  }

  refreshEmpty() {
    this.empty.hidden = this.list.children.length > 0;
  }

  members() {
    return [...this.list.children].map((row) => row.dataset.agent);
  }

  read() {
    this.members().forEach((_, i) => { this.list.children[i].dataset.path = `agentMembers[${i}]`; });
    return this.members();
  }

  addFromInput() {
    const name = this.input.value.trim();
    if (!name) {
      this.message.textContent = 'Type a username first.';
      return;
    }
    if (this.members().includes(name)) {
      this.message.textContent = `${name} is already a member.`;
      return;
    }
    const row = this.row(name);
    this.list.append(row);
    this.input.value = '';
    this.message.textContent = this.profiles.has(name) ? `${name} added.` : `${name} added. No agent profile yet: it gets one with its first capacity change.`;
    this.refreshEmpty();
    this.onChange();
  }

  row(agentId) {
    const capacity = h('input', { type: 'number', min: String(MIN_CAPACITY), max: String(MAX_CAPACITY), step: '1', testid: 'member-capacity', id: uid('cap'), disabled: this.readOnly, class: 'capacity' });
    const status = h('span', { class: 'hint', testid: 'member-capacity-status', role: 'status' });
    const row = h('li', { class: 'member-row', testid: 'member-row', dataset: { agent: agentId }, 'data-error-host': '' },
      h('span', { class: 'member-name' }, h('strong', { testid: 'member-username' }, agentId), ' ', h('span', { class: 'display-name', testid: 'member-display-name' })),
      h('span', { class: 'capacity-field' }, h('label', { for: capacity.id }, 'Capacity'), capacity, status),
      this.readOnly ? null : h('button', { type: 'button', class: 'icon-button', testid: 'member-remove', 'aria-label': `Remove ${agentId}`, title: `Remove ${agentId}`,
        onclick: () => { row.remove(); this.refreshEmpty(); this.message.textContent = `${agentId} removed.`; this.onChange(); } }, '−'));
    capacity.addEventListener('change', () => this.saveCapacity(row, capacity, status));
    // Capacity is saved on its own: keep its edits out of the campaign form's dirty check.
    capacity.addEventListener('input', (event) => event.stopPropagation());
    capacity.addEventListener('change', (event) => event.stopPropagation());
    this.fillRow(row);
    return row;
  }

  fillRow(row) {
    const profile = this.profiles.get(row.dataset.agent);
    row.querySelector('.display-name').textContent = profile?.displayName && profile.displayName !== profile.agentId ? `(${profile.displayName})` : '';
    const capacity = row.querySelector('.capacity');
    if (document.activeElement !== capacity) capacity.value = profile ? profile.capacity : '';
    capacity.placeholder = profile ? '' : '—';
    row.classList.toggle('no-profile', !profile);
  }

  async saveCapacity(row, input, status) {
    const agentId = row.dataset.agent;
    const value = Number(input.value);
    if (!Number.isInteger(value) || value < MIN_CAPACITY || value > MAX_CAPACITY) {
      status.textContent = `Capacity must be a whole number from ${MIN_CAPACITY} to ${MAX_CAPACITY}.`;
      status.className = 'error';
      return;
    }
    const known = this.profiles.get(agentId);
    const group = this.getGroup();
    const profile = {
      displayName: known?.displayName || agentId,
      capacity: value,
      securityGroups: known?.securityGroups?.length ? known.securityGroups : (group ? [group] : []),
    };
    status.className = 'hint';
    status.textContent = 'Saving…';
    try {
      const { data } = await this.api.putAgentProfile(agentId, profile, known?.version !== undefined ? etagOf(known.version) : undefined);
      this.profiles.set(agentId, { agentId, ...profile, ...(data || {}) });
      status.textContent = 'Saved';
      this.fillRow(row);
    } catch (error) {
      status.className = 'error';
      status.textContent = error.status === 412 ? 'Changed by someone else: reload the page.' : `Not saved: ${error.errors[0]?.message || error.message}`;
    }
  }
}
