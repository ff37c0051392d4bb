// Supervisor dashboard: one card per campaign of the supervisor's security groups, live from the
// routing-service's Server-Sent Events stream. EventSource cannot send a bearer token, so the stream is
// read with fetch. The chart is plain SVG; no library.

import { reconnectDelay } from './common/backoff.js';
import { signIn, userName } from './common/signin.js';

const STREAM_URL = '/api/routing/dashboard/stream';
const SVG_NS = 'http://www.w3.org/2000/svg';
const CHART = { width: 480, height: 150, top: 8, bottom: 18, left: 4, right: 26 };

const ui = {
  status: document.getElementById('stream-status'),
  userName: document.getElementById('user-name'),
  dashboard: document.getElementById('dashboard'),
  cards: document.getElementById('cards'),
  noCampaigns: document.getElementById('no-campaigns'),
  template: document.getElementById('card-template'),
};

let auth;
const campaigns = new Map(); // campaignId -> { data, element, skewMs }
let initialLoadDone = false;

start();

async function start() {
  auth = await signIn({
    heading: 'Sign in to see the service level of your campaigns',
    roles: ['supervisor', 'admin'],
    refusal: () => 'The dashboard is for supervisors and administrators.',
    main: ui.dashboard,
  });
  if (!auth) return;
  ui.userName.textContent = userName(auth);
  setInterval(tickWaits, 1_000);
  follow();
}

/** Reads the stream for ever: reconnects with the shared backoff, with a fresh token each time. */
async function follow() {
  let attempt = 0;
  for (;;) {
    try {
      setStatus('Connecting…', 'connecting');
      const token = await auth.fresh();
      const response = await fetch(STREAM_URL, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        cache: 'no-store',
      });
      if (response.status === 401) {
        await auth.fresh({ force: true });
        throw new Error('unauthorized');
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      setStatus('Live', 'online');
      attempt = 0;
      await readEvents(response.body, onEvent);
    } catch (error) {
      if (error.sessionOver) return;
      console.warn('[dashboard] stream interrupted:', error.message);
    }
    setStatus('Reconnecting…', 'offline');
    await new Promise((resolve) => setTimeout(resolve, reconnectDelay(attempt)));
    attempt += 1;
  }
}

/** Parses text/event-stream: events end with a blank line; their data lines hold JSON. */
async function readEvents(body, handle) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const data = block.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      if (data) {
        try {
          handle(JSON.parse(data));
        } catch (error) {
          console.warn('[dashboard] unreadable event', error);
        }
      }
    }
  }
}

function onEvent(event) {
  if (event.type !== 'campaign' || !event.campaign) return;
  render(event.campaign);
  initialLoadDone = true;
  ui.noCampaigns.hidden = campaigns.size > 0;
}

function setStatus(text, state) {
  ui.status.textContent = text;
  ui.status.dataset.status = state;
  if (state === 'online' && !initialLoadDone) {
    // An empty stream still says something: after a moment with no campaign, say so.
    setTimeout(() => {
      ui.noCampaigns.hidden = campaigns.size > 0;
    }, 1_500);
  }
}

function render(detail) {
  const live = detail.live;
  let entry = campaigns.get(live.campaignId);
  if (!entry) {
    const element = ui.template.content.firstElementChild.cloneNode(true);
    element.dataset.campaignId = live.campaignId;
    entry = { element };
    campaigns.set(live.campaignId, entry);
    insertSorted(element, live.name);
  }
  entry.data = detail;
  // Server time vs ours, so the ticking longest wait agrees with the server whatever this clock says.
  entry.skewMs = live.at ? Date.parse(live.at) - Date.now() : 0;
  const el = entry.element;
  el.dataset.name = live.name;
  text(el, 'sl-name', live.name);
  text(el, 'sl-meta', `${live.securityGroup} · ${label(live.strategy)} · threshold ${live.serviceLevelSeconds} s · ${label(live.formula)}`);
  percent(el, 'sl-today', live.serviceLevelToday, live.targetPercent);
  percent(el, 'sl-last-hour', live.serviceLevelLastHour, live.targetPercent);
  text(el, 'sl-target', `target ${live.targetPercent} %`);
  text(el, 'waiting', String(live.waiting));
  text(el, 'agents-available', String(live.agentsAvailable));
  text(el, 'agents-busy', String(live.agentsBusy));
  const t = live.today;
  text(el, 'answered-today', String(t.answeredWithin + t.answeredAfter));
  text(el, 'abandoned-today', String(t.abandonedShort + t.abandonedWithin + t.abandonedAfter));
  text(el, 'staffing-hint', staffingText(live.staffing));
  tickWait(entry);
  drawChart(el.querySelector('[data-testid=sl-chart]'), detail, live.targetPercent);
}

function insertSorted(element, name) {
  const after = [...ui.cards.children].find((c) => (c.dataset.name || '').localeCompare(name) > 0);
  ui.cards.insertBefore(element, after || null);
}

function text(root, testId, value) {
  root.querySelector(`[data-testid=${testId}]`).textContent = value;
}

function percent(root, testId, value, target) {
  const node = root.querySelector(`[data-testid=${testId}]`);
  node.textContent = value == null ? '—' : `${value.toFixed(1)} %`;
  node.classList.toggle('met', value != null && value >= target);
  node.classList.toggle('missed', value != null && value < target);
  node.title = value == null ? 'Nothing answered or abandoned yet' : '';
}

function label(constant) {
  return String(constant || '').toLowerCase().replace(/_/g, ' ');
}

function staffingText(s) {
  if (!s || s.agentsNeeded == null) return 'Staffing hint: not enough data yet.';
  if (s.arrivalsLastHour === 0) return 'Staffing hint: no arrivals in the last hour — no agent needed to meet the target.';
  const aht = duration(Math.round(s.averageHandleSeconds));
  const basis = s.handleTimeMeasured ? `average handle ${aht}` : `assumed handle time ${aht}`;
  return `Staffing hint: ${s.agentsNeeded} agent${s.agentsNeeded === 1 ? '' : 's'} to answer ${s.targetPercent} % within ${s.thresholdSeconds} s `
    + `(${s.arrivalsLastHour} arrivals in the last hour, ${basis}, ${s.concurrency} chats per agent; Erlang C).`;
}

function tickWaits() {
  campaigns.forEach(tickWait);
}

function tickWait(entry) {
  const live = entry.data.live;
  let seconds = 0;
  if (live.waiting > 0 && live.oldestQueuedAt) {
    seconds = Math.max(0, Math.floor((Date.now() + entry.skewMs - Date.parse(live.oldestQueuedAt)) / 1000));
  }
  text(entry.element, 'longest-wait', duration(seconds));
}

function duration(totalSeconds) {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const mmss = `${String(m).padStart(h ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
  return h ? `${h}:${mmss}` : mmss;
}

/** Bars of offered and answered-within per 15-minute interval, the SL % line and the target line. */
function drawChart(svg, detail, target) {
  const { width, height, top, bottom, left, right } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const dayStart = Date.parse(detail.dayStart);
  const dayMs = Date.parse(detail.dayEnd) - dayStart;
  const slots = Math.round(dayMs / 900_000);
  const slotW = plotW / slots;
  const maxOffered = Math.max(1, ...detail.intervals.map((i) => i.counts.offered));
  const x = (start) => left + ((Date.parse(start) - dayStart) / dayMs) * plotW;
  const yCount = (n) => top + plotH - (n / maxOffered) * plotH;
  const yPercent = (p) => top + plotH - (p / 100) * plotH;

  const nodes = [];
  nodes.push(svgNode('line', { class: 'axis', x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH }));
  for (let hour = 0; hour <= 24; hour += 6) {
    const hx = left + (hour / 24) * plotW;
    nodes.push(svgNode('text', { x: Math.min(hx, left + plotW - 10), y: height - 4 }, `${String(hour).padStart(2, '0')}h`));
  }
  nodes.push(svgNode('text', { x: left + plotW + 3, y: yPercent(100) + 8 }, '100%'));
  nodes.push(svgNode('text', { x: left + plotW + 3, y: yPercent(0) }, '0%'));
  for (const i of detail.intervals) {
    const bx = x(i.start) + slotW * 0.1;
    const bw = Math.max(1, slotW * 0.8);
    const offeredTitle = `${time(i.start, detail.timezone)}: ${i.counts.offered} offered, ${i.counts.answeredWithin} answered within threshold`
      + (i.serviceLevel == null ? '' : `, SL ${i.serviceLevel.toFixed(1)} %`);
    const bar = svgNode('rect', { class: 'bar-offered', x: bx, y: yCount(i.counts.offered), width: bw, height: top + plotH - yCount(i.counts.offered) });
    bar.appendChild(svgNode('title', {}, offeredTitle));
    nodes.push(bar);
    nodes.push(svgNode('rect', { class: 'bar-met', x: bx, y: yCount(i.counts.answeredWithin), width: bw, height: top + plotH - yCount(i.counts.answeredWithin) }));
  }
  const points = detail.intervals.filter((i) => i.serviceLevel != null)
    .map((i) => `${(x(i.start) + slotW / 2).toFixed(1)},${yPercent(i.serviceLevel).toFixed(1)}`);
  if (points.length === 1) {
    const [px, py] = points[0].split(',');
    nodes.push(svgNode('circle', { class: 'sl-line', cx: px, cy: py, r: 2 }));
  } else if (points.length > 1) {
    nodes.push(svgNode('polyline', { class: 'sl-line', points: points.join(' ') }));
  }
  nodes.push(svgNode('line', { class: 'target-line', x1: left, x2: left + plotW, y1: yPercent(target), y2: yPercent(target) }));
  svg.replaceChildren(...nodes);
  svg.setAttribute('aria-label', `Service level over ${detail.date}: ${detail.intervals.length} intervals with traffic`);
  svg.dataset.intervals = String(detail.intervals.length);
}

function svgNode(name, attributes, content) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (content != null) node.textContent = content;
  return node;
}

function time(instant, timeZone) {
  try {
    return new Date(instant).toLocaleTimeString([], { timeZone, hour: '2-digit', minute: '2-digit' });
  } catch {
    return new Date(instant).toISOString().slice(11, 16);
  }
}
