// The campaign table: search by name, filter by strategy and security group, sort by column,
// paging, and edit / delete actions. Query state survives going to the form and back.

import { h, clear } from '../common/dom.js';
import { uid } from '../common/ids.js';
import { select } from './fields.js';
import { STRATEGIES, FORMULAS } from './form.js';
import { openNow } from './schedule.js';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 250;
const COLUMNS = [
  { key: 'name', label: 'Name', sort: 'name' },
  { key: 'strategy', label: 'Strategy', sort: 'strategy' },
  { key: 'serviceLevel', label: 'Service level' },
  { key: 'schedule', label: 'Schedule' },
  { key: 'members', label: 'Agents' },
  { key: 'updated', label: 'Updated', sort: 'updatedAt' },
];

export const tableState = { page: 0, sort: 'name', dir: 'asc', name: '', strategy: '', securityGroup: '' };

const strategyLabel = (s) => (STRATEGIES.find(([v]) => v === s) || [s, s])[1];
const formulaLabel = (f) => (FORMULAS.find(([v]) => v === f) || [f, f])[1];

export class CampaignTable {
  /** onEdit(id), onNew(), confirmDelete(campaign) → Promise<boolean>, notify(text). */
  constructor({ api, groups, isAdmin, onEdit, onNew, confirmDelete, notify }) {
    Object.assign(this, { api, groups, isAdmin, onEdit, onNew, confirmDelete, notify });
    const s = tableState;
    this.search = h('input', { type: 'search', id: uid('search'), testid: 'campaign-search', value: s.name, placeholder: 'Name contains…', autocomplete: 'off' });
    this.strategyFilter = select([['', 'All strategies'], ...STRATEGIES], s.strategy, { id: uid('strategy'), testid: 'filter-strategy' });
    this.groupFilter = select([['', 'All my groups'], ...groups.map((g) => [g, g])], s.securityGroup, { id: uid('group'), testid: 'filter-group' });
    let timer;
    this.search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { s.name = this.search.value.trim(); s.page = 0; this.load(); }, SEARCH_DELAY_MS);
    });
    this.strategyFilter.addEventListener('change', () => { s.strategy = this.strategyFilter.value; s.page = 0; this.load(); });
    this.groupFilter.addEventListener('change', () => { s.securityGroup = this.groupFilter.value; s.page = 0; this.load(); });

    this.headRow = h('tr');
    this.body = h('tbody', { testid: 'campaign-rows' });
    this.status = h('p', { class: 'table-status', testid: 'campaign-table-status', role: 'status', 'aria-live': 'polite' });
    this.prev = h('button', { type: 'button', class: 'secondary', testid: 'page-prev', onclick: () => { s.page -= 1; this.load(); } }, '‹ Previous');
    this.next = h('button', { type: 'button', class: 'secondary', testid: 'page-next', onclick: () => { s.page += 1; this.load(); } }, 'Next ›');
    this.pageInfo = h('span', { testid: 'page-info' });
    this.element = h('section', { class: 'campaigns', 'aria-labelledby': 'campaigns-title' },
      h('div', { class: 'list-head' },
        h('h2', { id: 'campaigns-title' }, 'Campaigns'),
        isAdmin ? h('button', { type: 'button', class: 'primary', testid: 'campaign-new', onclick: () => onNew() }, '+ New campaign') : null),
      h('div', { class: 'toolbar', role: 'search' },
        h('span', { class: 'field' }, h('label', { for: this.search.id }, 'Search by name'), this.search),
        h('span', { class: 'field' }, h('label', { for: this.strategyFilter.id }, 'Strategy'), this.strategyFilter),
        h('span', { class: 'field' }, h('label', { for: this.groupFilter.id }, 'Security group'), this.groupFilter)),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'campaign-table', testid: 'campaign-table' },
          h('caption', { class: 'sr-only' }, 'Campaigns of your security groups; column headers with a button sort the table.'),
          h('thead', {}, this.headRow), this.body)),
      this.status,
      h('div', { class: 'pager' }, this.prev, this.pageInfo, this.next));
    this.renderHead();
  }

  renderHead() {
    const s = tableState;
    clear(this.headRow);
    for (const col of COLUMNS) {
      const th = h('th', { scope: 'col' });
      if (col.sort) {
        const active = s.sort === col.sort;
        th.setAttribute('aria-sort', active ? (s.dir === 'asc' ? 'ascending' : 'descending') : 'none');
        th.append(h('button', { type: 'button', class: 'sort', testid: `sort-${col.key}`,
          onclick: () => {
            s.dir = active && s.dir === 'asc' ? 'desc' : 'asc';
            s.sort = col.sort;
            s.page = 0;
            this.renderHead();
            this.load();
          } }, col.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (s.dir === 'asc' ? ' ▲' : ' ▼') : '')));
      } else {
        th.textContent = col.label;
      }
      this.headRow.append(th);
    }
    this.headRow.append(h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')));
  }

  async load() {
    const s = tableState;
    this.status.textContent = 'Loading…';
    const query = { page: s.page, size: PAGE_SIZE, sort: `${s.sort},${s.dir}`, name: s.name, strategy: s.strategy, securityGroup: s.securityGroup };
    let page;
    try {
      const { data } = await this.api.listCampaigns(query);
      page = Array.isArray(data) ? localPage(data, s) : data;
    } catch (error) {
      this.status.textContent = `Campaigns could not be loaded: ${error.message}`;
      return;
    }
    const total = page.total ?? page.items.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (s.page > 0 && s.page >= pages) {
      // The last page emptied (e.g. after a delete): show the one before it.
      s.page = pages - 1;
      this.load();
      return;
    }
    this.render(page.items || []);
    this.status.textContent = total ? `${total} campaign${total === 1 ? '' : 's'}` : (s.name || s.strategy || s.securityGroup ? 'No campaign matches these filters.' : 'No campaigns yet.');
    this.pageInfo.textContent = `Page ${s.page + 1} of ${pages}`;
    this.prev.disabled = s.page === 0;
    this.next.disabled = s.page + 1 >= pages;
  }

  render(items) {
    clear(this.body);
    const now = new Date();
    for (const c of items) {
      const open = openNow(c.schedule, now);
      const scheduleText = c.schedule ? `${c.schedule.timezone}` : 'Always open';
      const updated = c.updatedAt ? new Date(c.updatedAt) : null;
      this.body.append(h('tr', { testid: 'campaign-row', dataset: { campaignId: c.id, name: c.name } },
        h('th', { scope: 'row', class: 'name' },
          h('a', { href: `#/campaigns/${encodeURIComponent(c.id)}`, testid: 'campaign-row-name' }, c.name),
          h('span', { class: 'group-tag', testid: 'campaign-row-group' }, c.securityGroup)),
        h('td', { testid: 'campaign-row-strategy' }, strategyLabel(c.strategy)),
        h('td', { testid: 'campaign-row-sl', title: formulaLabel(c.serviceLevelFormula) }, `${c.serviceLevelSeconds} s`,
          h('span', { class: 'sub' }, c.serviceLevelFormula ? shortFormula(c.serviceLevelFormula) : '')),
        h('td', { testid: 'campaign-row-schedule' }, scheduleText, ' ',
          h('span', { class: open ? 'badge open' : 'badge closed', testid: 'campaign-row-open' }, open ? 'open now' : 'closed')),
        h('td', { testid: 'campaign-row-members', class: 'num' }, String((c.agentMembers || []).length)),
        h('td', { testid: 'campaign-row-updated' }, updated ? h('time', { datetime: c.updatedAt, title: updated.toLocaleString() }, relative(updated, now)) : '—'),
        h('td', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', testid: 'campaign-edit', 'aria-label': `${this.isAdmin ? 'Edit' : 'View'} ${c.name}`, onclick: () => this.onEdit(c.id) }, this.isAdmin ? 'Edit' : 'View'),
          this.isAdmin ? h('button', { type: 'button', class: 'danger', testid: 'campaign-delete', 'aria-label': `Delete ${c.name}`, onclick: () => this.remove(c) }, 'Delete') : null)));
    }
  }

  async remove(campaign) {
    if (!(await this.confirmDelete(campaign))) return;
    try {
      await this.api.deleteCampaign(campaign.id);
      this.notify(`Campaign ${campaign.name} deleted.`);
    } catch (error) {
      this.notify(error.status === 404 ? `Campaign ${campaign.name} was already deleted.` : `Not deleted: ${error.message}`, true);
    }
    this.load();
  }
}

function shortFormula(formula) {
  return {
    ANSWERED_PLUS_LATE_ABANDONS: 'answered + late abandons',
    ANSWERED_ONLY: 'answered only',
    ALL_ABANDONS: 'all abandons',
    EARLY_ABANDONS_AS_MET: 'early abandons met',
    OFFERED: 'offered',
  }[formula] || formula;
}

function relative(date, now) {
  const seconds = Math.round((date - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const units = [['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(0, 'minute');
}

/** Filtering, sorting and paging in the browser, for a server that answers a plain list. */
function localPage(list, s) {
  let items = list.filter((c) => (!s.name || c.name.toLowerCase().includes(s.name.toLowerCase()))
    && (!s.strategy || c.strategy === s.strategy) && (!s.securityGroup || c.securityGroup === s.securityGroup));
  const key = s.sort;
  items = items.sort((a, b) => {
    const x = a[key] ?? '';
    const y = b[key] ?? '';
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return s.dir === 'asc' ? order : -order;
  });
  return { items: items.slice(s.page * PAGE_SIZE, (s.page + 1) * PAGE_SIZE), page: s.page, size: PAGE_SIZE, total: items.length };
}
