// The agent's header: who is signed in, whether the connection is up, and the availability the agent chose
// (sent after every `hello`, and at once when changed while connected).

import { desk, displayName, ui } from './desk.js';

const CONNECTION_TEXTS = { online: 'Online', offline: 'Offline' };
let wasOnline = false;

export function renderAgentName() {
  ui.agentName.textContent = displayName();
  ui.agentName.title = desk.auth.claims.preferred_username || '';
}

export function renderConnection(status) {
  if (status === 'online') wasOnline = true;
  ui.connection.textContent = CONNECTION_TEXTS[status] || (wasOnline ? 'Reconnecting…' : 'Connecting…');
  ui.connection.dataset.status = status;
}

export function listenToPresence() {
  ui.presence.value = desk.presence;
  ui.presence.addEventListener('change', () => {
    desk.presence = ui.presence.value;
    desk.connection.send({ type: 'presence', status: desk.presence }); // else sent after the next hello
  });
}
