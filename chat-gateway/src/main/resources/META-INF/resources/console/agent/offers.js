// Offers (`offer` / `offer-withdrawn`, no seq), shown above the chats: a countdown with Accept and Decline for
// offers that expire, and, for MANUAL campaigns (no expiry), a "Waiting" list to pick from. The server decides:
// the first acceptance wins and the chat then arrives with `assigned`.

import { h } from '../common/dom.js';
import { desk, ui } from './desk.js';
import { announce, flashTitle, showToast } from './notifications.js';

const COUNTDOWN_MS = 1_000;

export function onOffer(frame) {
  if (!frame.interactionId) return;
  const known = desk.offers.get(frame.interactionId);
  desk.offers.set(frame.interactionId, {
    interactionId: frame.interactionId,
    campaignId: frame.campaignId,
    customer: frame.customer || {},
    strategy: frame.strategy,
    expiresAt: frame.expiresAt ? Date.parse(frame.expiresAt) : null,
    answered: false,
  });
  renderOffers();
  if (!known && frame.expiresAt) {
    announce(`Chat offered: ${frame.customer?.name || 'a customer'}`);
    if (document.hidden) flashTitle('Chat offered');
  }
}

export function removeOffer(interactionId) {
  if (desk.offers.delete(interactionId)) renderOffers();
}

/** The server sends the open offers again right after `hello`. */
export function clearOffers() {
  desk.offers.clear();
  renderOffers();
}

export function listenToOffers() {
  ui.offerList.addEventListener('click', onOfferClick);
  ui.queueList.addEventListener('click', onOfferClick);
  setInterval(renderCountdowns, COUNTDOWN_MS);
}

function onOfferClick(event) {
  const button = event.target.closest('button[data-answer]');
  if (!button) return;
  const offer = desk.offers.get(button.dataset.interactionId);
  if (!offer || offer.answered) return;
  const type = button.dataset.answer;
  if (!desk.connection.send({ type, interactionId: offer.interactionId })) {
    showToast('Not connected; try again in a moment.');
    return;
  }
  // Declining hides it at once; accepting waits for `assigned` (or `offer-withdrawn` when someone was first).
  if (type === 'decline') removeOffer(offer.interactionId);
  else {
    offer.answered = true;
    renderOffers();
  }
}

function secondsLeft(expiresAt) {
  return Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000));
}

function renderOffers() {
  const all = [...desk.offers.values()];
  const timed = all.filter((o) => o.expiresAt !== null);
  const waiting = all.filter((o) => o.expiresAt === null);
  ui.offerList.replaceChildren(...timed.map(renderOffer));
  ui.queueList.replaceChildren(...waiting.map(renderQueueItem));
  ui.offers.hidden = timed.length === 0;
  ui.queue.hidden = waiting.length === 0;
  ui.queueCount.textContent = waiting.length ? String(waiting.length) : '';
}

function customerLabel(offer) {
  return [offer.customer.name || 'Customer',
    offer.customer.language ? h('span', { class: 'lang' }, ` (${offer.customer.language})`) : null];
}

function answerButton(offer, { answer, testid, cls, label }) {
  return h('button', {
    type: 'button', class: cls, testid, 'data-answer': answer, 'data-interaction-id': offer.interactionId, disabled: offer.answered,
  }, label);
}

function renderOffer(offer) {
  const [name, language] = customerLabel(offer);
  return h('li', { class: 'offer', testid: 'offer', 'data-interaction-id': offer.interactionId },
    h('div', { class: 'offer-who' }, h('strong', {}, name), language),
    h('div', { class: 'offer-meta' },
      h('span', { class: 'offer-countdown', testid: 'offer-countdown', 'data-expires-at': String(offer.expiresAt) },
        `${secondsLeft(offer.expiresAt)} s`),
      h('span', {}, offer.strategy === 'RING_ALL' ? ' · ringing everyone' : '')),
    h('div', { class: 'offer-actions' },
      answerButton(offer, { answer: 'accept', testid: 'offer-accept', cls: 'primary', label: offer.answered ? 'Accepting…' : 'Accept' }),
      answerButton(offer, { answer: 'decline', testid: 'offer-decline', cls: 'ghost', label: 'Decline' })));
}

function renderQueueItem(offer) {
  return h('li', { class: 'queue-item', testid: 'queue-item', 'data-interaction-id': offer.interactionId },
    h('span', { class: 'offer-who' }, customerLabel(offer)),
    answerButton(offer, { answer: 'accept', testid: 'queue-pick', cls: 'primary', label: offer.answered ? 'Picking…' : 'Pick' }));
}

function renderCountdowns() {
  for (const node of ui.offerList.querySelectorAll('[data-testid="offer-countdown"]')) {
    const left = secondsLeft(Number(node.dataset.expiresAt));
    node.textContent = left > 0 ? `${left} s` : 'expiring…';
  }
}
