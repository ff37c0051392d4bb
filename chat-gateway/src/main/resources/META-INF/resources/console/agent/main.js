// Agent console: sign-in, then the agent's chats over /ws/agent (docs/protocols.md "Agent"). State is in memory
// (desk.js): after a reload, the server's `hello` lists the open chats and `resume` from seq 0 replays them.

import { socketUrl } from '../common/protocol.js';
import { signIn, userName } from '../common/signin.js';
import { AgentConnection } from './connection.js';
import { desk, ui } from './desk.js';
import { listenToChatList } from './chat-list.js';
import { renderConversation } from './conversation.js';
import { onFrame, onVisible } from './frames.js';
import { stopFlash } from './notifications.js';
import { listenToOffers } from './offers.js';
import { listenToComposer } from './outbox.js';
import { listenToPresence, renderAgentName, renderConnection } from './presence.js';

main();

async function main() {
  const auth = await signIn({
    heading: 'Sign in to handle chats',
    roles: ['agent'],
    refusal: (auth) => `${userName(auth) || 'This account'} is not an agent. Sign in with an agent account.`,
    main: ui.workspace,
    beforeSignOut: () => desk.connection?.stop(),
    onSessionOver: () => desk.connection?.stop(),
  });
  desk.auth = auth;
  if (auth) start(auth);
}

function start(auth) {
  renderAgentName();
  auth.addEventListener('tokens', renderAgentName);

  const url = socketUrl('../ws/agent', location.href);
  const connection = new AgentConnection({ url: url.href, token: (options) => auth.fresh(options) });
  desk.connection = connection;
  connection.addEventListener('frame', (event) => onFrame(event.detail));
  connection.addEventListener('status', (event) => renderConnection(event.detail));

  listenToPresence();
  listenToComposer();
  listenToChatList();
  listenToOffers();
  addEventListener('focus', stopFlash);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) onVisible();
  });

  renderConversation();
  connection.start();
}
