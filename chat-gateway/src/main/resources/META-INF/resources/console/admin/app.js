// Campaign administration pages: sign-in (common/signin.js, as every console page), a hash router
// (#/campaigns, #/campaigns/new, #/campaigns/{id}), the table, the form, confirmation dialogs and
// the unsaved-changes guard. Admins write; every other role gets the same pages read-only (the
// server enforces both; the token's roles only decide what to show).

import { Api } from './api.js';
import { h, clear, showToast } from '../common/dom.js';
import { rolesOf, signIn, userName } from '../common/signin.js';
import { CampaignTable } from './table.js';
import { CampaignForm } from './form.js';

const APP_TITLE = 'Campaigns · Chat suite';
const TOAST_MS = 5000;

const $ = (id) => document.getElementById(id);
const ui = {
  userName: $('user-name'),
  roleBadge: $('role-badge'),
  view: $('view'),
  dialog: $('confirm-dialog'),
  dialogTitle: $('confirm-title'),
  dialogText: $('confirm-text'),
  dialogOk: $('confirm-ok'),
  dialogCancel: $('confirm-cancel'),
  toast: $('toast'),
};

let auth;
let api;
let me = { isAdmin: false, groups: [], roles: [] };
let form = null; // the open CampaignForm, for the unsaved-changes guard
let currentHash = '';

main();

async function main() {
  auth = await signIn({
    heading: 'Sign in to manage campaigns',
    main: ui.view,
    beforeSignOut: () => {
      if (form?.isDirty() && !window.confirm('Sign out and lose your unsaved changes?')) return false;
      form = null;
      return true;
    },
    onSessionOver: () => {
      form = null;
    },
  });
  if (auth) start();
}

function start() {
  api = new Api(auth);
  readIdentity();
  auth.addEventListener('tokens', readIdentity);
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('beforeunload', (event) => {
    if (form?.isDirty()) {
      event.preventDefault();
      event.returnValue = ''; // older browsers need it to show their "leave page?" prompt
    }
  });
  if (!location.hash) history.replaceState(null, '', '#/campaigns');
  route();
}

function readIdentity() {
  const claims = auth.claims;
  const roles = rolesOf(auth);
  // Groups may come as full paths ("/sales"); the suite compares simple names.
  const groups = [...new Set((claims.groups || []).map((g) => String(g).replace(/^.*\//, '')))].sort();
  me = { roles, groups, isAdmin: roles.includes('admin'), name: userName(auth) || 'Signed in' };
  ui.userName.textContent = me.name;
  ui.roleBadge.textContent = me.isAdmin ? 'admin' : roles.includes('supervisor') ? 'supervisor · read-only' : 'read-only';
}

async function onHashChange() {
  if (form?.isDirty()) {
    const wanted = location.hash;
    // Put the address back while the user decides (replaceState fires no hashchange); go on only
    // if they agree to discard.
    history.replaceState(null, '', currentHash);
    if (!(await confirm({ title: 'Discard unsaved changes?', text: 'This campaign has changes that are not saved.', ok: 'Discard changes', okTestId: 'confirm-discard' }))) return;
    form = null;
    history.pushState(null, '', wanted);
  }
  route();
}

/** In-app navigation; the guard runs in onHashChange. */
function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  currentHash = location.hash || '#/campaigns';
  const match = currentHash.match(/^#\/campaigns(?:\/([^/?]+))?/);
  form = null;
  clear(ui.view);
  if (!match || !match[1]) {
    showTable();
  } else if (match[1] === 'new') {
    if (!me.isAdmin) {
      go('#/campaigns');
      return;
    }
    showForm(null, null);
  } else {
    await showEdit(decodeURIComponent(match[1]));
  }
}

function showTable() {
  document.title = APP_TITLE;
  const table = new CampaignTable({
    api,
    groups: me.groups,
    isAdmin: me.isAdmin,
    onEdit: (id) => go(`#/campaigns/${encodeURIComponent(id)}`),
    onNew: () => go('#/campaigns/new'),
    confirmDelete: (c) => confirm({ title: `Delete campaign ${c.name}?`, text: 'Customers can no longer start chats in it, and it cannot be undone.', ok: 'Delete', okTestId: 'confirm-delete', danger: true }),
    notify,
  });
  ui.view.append(table.element);
  table.load();
}

async function showEdit(id) {
  ui.view.append(h('p', { class: 'table-status', role: 'status' }, 'Loading…'));
  let result;
  try {
    result = await api.getCampaign(id);
  } catch (error) {
    clear(ui.view).append(h('div', { class: 'notice error', testid: 'load-error', role: 'alert' },
      error.status === 404 ? 'This campaign does not exist (any more), or is not in your security groups.' : `The campaign could not be loaded: ${error.message}`,
      ' ', h('a', { href: '#/campaigns' }, 'Back to campaigns')));
    return;
  }
  if (location.hash !== currentHash) return; // the user went elsewhere meanwhile
  clear(ui.view);
  showForm(result.data, result.etag);
}

function showForm(campaign, etag) {
  document.title = `${campaign ? campaign.name : 'New campaign'} · ${APP_TITLE}`;
  form = new CampaignForm({
    api,
    campaign,
    etag,
    groups: me.groups,
    readOnly: !me.isAdmin,
    onDone: (saved, created) => {
      form = null;
      notify(created ? `Campaign ${saved.name} created.` : `Campaign ${saved.name} saved.`);
      go('#/campaigns');
    },
    onCancel: () => go('#/campaigns'),
    onReload: () => {
      form = null;
      route();
    },
  });
  ui.view.append(h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' }, h('a', { href: '#/campaigns', testid: 'back-to-list' }, '‹ Campaigns')), form.element);
  const first = form.element.querySelector('input:not([disabled]), select:not([disabled])');
  if (first && !campaign) first.focus();
}

/** A modal confirmation; resolves true when confirmed. Escape and Cancel resolve false. */
function confirm({ title, text, ok, okTestId, danger = false }) {
  ui.dialogTitle.textContent = title;
  ui.dialogText.textContent = text;
  ui.dialogOk.textContent = ok;
  ui.dialogOk.dataset.testid = okTestId;
  ui.dialogOk.className = danger ? 'danger' : 'primary';
  return new Promise((resolve) => {
    const done = (value) => {
      ui.dialogOk.removeEventListener('click', onOk);
      ui.dialogCancel.removeEventListener('click', onCancel);
      ui.dialog.removeEventListener('cancel', onCancel);
      if (ui.dialog.open) ui.dialog.close();
      resolve(value);
    };
    const onOk = () => done(true);
    const onCancel = (event) => {
      event?.preventDefault();
      done(false);
    };
    ui.dialogOk.addEventListener('click', onOk);
    ui.dialogCancel.addEventListener('click', onCancel);
    ui.dialog.addEventListener('cancel', onCancel);
    ui.dialog.showModal();
    ui.dialogCancel.focus(); // the safe choice has the focus
  });
}

function notify(text, isError = false) {
  showToast(ui.toast, text, { isError, ms: TOAST_MS });
}
