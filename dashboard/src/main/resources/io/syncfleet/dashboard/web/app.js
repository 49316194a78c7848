'use strict';
// The Syncfleet dashboard page: reads the JSON API every few seconds and renders the current view.
// Every node is built with textContent, never innerHTML, so nothing read from the fleet is ever
// parsed as markup. Actions send the CSRF cookie's value back in a header (double submit).

const REFRESH_MS = 5000;
const PAGE = 50;
const RANGES = [[60, '1 h'], [180, '3 h'], [360, '6 h'], [1440, '24 h']];
const SVG_NS = 'http://www.w3.org/2000/svg';

const state = {
  view: 'overview',
  minutes: 60,
  session: null,
  peek: null,
  deadOpen: null,
  selected: new Set(),
  deadOffset: 0,
  scheduledOffset: 0,
  busy: false,
  again: false,
};

// ---- DOM helpers -------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  addChildren(node, children);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  addChildren(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
}

function addChildren(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// A heading given as [text, class] styles its column's heading (e.g. 'num' to right-align it).
function heading(h) {
  return Array.isArray(h) ? el('th', { class: h[1], text: h[0] }) : el('th', { text: h });
}

function table(headers, rows, attrs) {
  return el('table', attrs, el('thead', null, el('tr', null, headers.map(heading))), el('tbody', null, rows));
}

function badge(text, kind) {
  return el('span', { class: 'badge ' + (kind || ''), text });
}

function button(label, onclick, attrs) {
  return el('button', Object.assign({ type: 'button', text: label, onclick }, attrs || {}));
}

function panel(title, ...children) {
  return el('section', { class: 'panel' }, title ? el('h2', { text: title }) : null, children);
}

function empty(text) {
  return el('p', { class: 'empty', text });
}

// ---- formatting --------------------------------------------------------------------------------

function count(n) {
  return Number(n || 0).toLocaleString('en-US');
}

function age(ms) {
  const s = Math.max(0, Math.floor((ms || 0) / 1000));
  if (s < 60) return s + 's';
  const m = Math.floor(s / 60);
  if (m < 60) return m + 'm ' + (s % 60) + 's';
  const h = Math.floor(m / 60);
  if (h < 48) return h + 'h ' + (m % 60) + 'm';
  return Math.floor(h / 24) + 'd ' + (h % 24) + 'h';
}

function clock(epochMs) {
  if (!epochMs) return '–';
  const d = new Date(epochMs);
  const time = d.toLocaleTimeString('en-GB', { hour12: false });
  return d.toDateString() === new Date().toDateString() ? time : d.toISOString().slice(0, 10) + ' ' + time;
}

function hhmm(epochMinute) {
  return new Date(epochMinute * 60000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
}

function ago(now, at) {
  return at ? age(now - at) + ' ago' : 'never';
}

function until(now, at) {
  return at <= now ? 'due now' : 'in ' + age(at - now);
}

function who(tenant, channel) {
  return (tenant || '?') + ' / ' + (channel || '?');
}

// ---- API ---------------------------------------------------------------------------------------

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function answer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (response.status === 401) {
    location.assign('/');
    throw new HttpError(401, 'signed out');
  }
  if (!response.ok) throw new HttpError(response.status, (body && body.error) || 'HTTP ' + response.status);
  return body;
}

async function getJson(path) {
  return answer(await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' }));
}

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)sf_csrf=([^;]+)/);
  return m ? m[1] : '';
}

async function post(path, body) {
  const init = {
    method: 'POST',
    cache: 'no-store',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-CSRF-Token': csrfToken() },
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return answer(await fetch(path, init));
}

async function act(label, path, body) {
  try {
    const result = await post(path, body);
    const n = result.retried ?? result.removed;
    notice(label + (n !== undefined ? ': ' + count(n) + ' job' + (n === 1 ? '' : 's') : ''), false);
  } catch (e) {
    notice(label + ' failed: ' + e.message, true);
  }
  await refresh();
}

function enc(segment) {
  return encodeURIComponent(segment);
}

// ---- banner ------------------------------------------------------------------------------------

let noticeTimer = null;

function notice(text, isError) {
  const banner = document.getElementById('banner');
  delete banner.dataset.source;
  banner.textContent = text;
  banner.className = 'banner ' + (isError ? 'error' : 'ok');
  banner.hidden = false;
  clearTimeout(noticeTimer);
  if (!isError) noticeTimer = setTimeout(() => { banner.hidden = true; }, 4000);
}

// ---- views -------------------------------------------------------------------------------------

function card(label, value, note, kind) {
  return el('div', { class: 'card ' + (kind || '') },
    el('div', { class: 'label', text: label }),
    el('div', { class: 'value', text: value }),
    el('div', { class: 'note', text: note }));
}

// A round step for about four gridlines: 1, 2 or 5 times a power of ten.
function niceStep(max) {
  const raw = Math.max(1, max) / 4;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5]) if (raw <= m * p) return m * p;
  return 10 * p;
}

function compact(v) {
  if (v >= 1e6) return (v / 1e6).toFixed(v % 1e6 ? 1 : 0) + 'M';
  if (v >= 1e3) return (v / 1e3).toFixed(v % 1e3 ? 1 : 0) + 'k';
  return String(Math.round(v));
}

function chart(minutes) {
  const W = 960, H = 220, L = 48, R = 12, T = 12, B = 28;
  const n = minutes.length;
  const peak = Math.max(1, ...minutes.map(m => Math.max(m.processed, m.failed)));
  const step = niceStep(peak);
  const max = step * Math.ceil(peak / step);
  const x = i => L + (n <= 1 ? 0 : i * (W - L - R) / (n - 1));
  const y = v => T + (H - T - B) * (1 - v / max);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'jobs processed and failed per minute' });
  for (let v = 0; v <= max; v += step) {
    root.append(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
    root.append(svg('text', { x: L - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end', text: compact(v) }));
  }
  const every = Math.max(1, Math.ceil(n / 8));
  for (let i = 0; i < n; i += every) {
    root.append(svg('text', { x: x(i), y: H - 8, class: 'axis', 'text-anchor': 'middle', text: hhmm(minutes[i].epochMinute) }));
  }
  if (n > 1) {
    const points = key => minutes.map((m, i) => x(i).toFixed(1) + ',' + y(m[key]).toFixed(1)).join(' ');
    root.append(svg('polygon', { points: `${x(0)},${y(0)} ${points('processed')} ${x(n - 1)},${y(0)}`, class: 'area processed' }));
    root.append(svg('polyline', { points: points('processed'), class: 'line processed' }));
    root.append(svg('polyline', { points: points('failed'), class: 'line failed' }));
    const width = (W - L - R) / (n - 1);
    minutes.forEach((m, i) => root.append(svg('rect', { x: x(i) - width / 2, y: T, width, height: H - T - B, class: 'hover' },
      svg('title', { text: `${hhmm(m.epochMinute)}: ${count(m.processed)} processed, ${count(m.failed)} failed` }))));
  }
  const processed = minutes.reduce((a, m) => a + m.processed, 0);
  const failed = minutes.reduce((a, m) => a + m.failed, 0);
  return el('div', { class: 'chart-wrap' }, root,
    el('div', { class: 'legend' },
      el('span', { class: 'key processed' }), `processed (${count(processed)})`,
      el('span', { class: 'key failed' }), `failed (${count(failed)})`));
}

const QUEUE_HEADERS = ['Queue', ['Depth', 'num'], ['Oldest job waited', 'num'], 'State'];

function queueRows(queues, withActions) {
  return queues.map(q => el('tr', { 'data-queue': q.name, class: q.paused ? 'paused' : null },
    el('td', { class: 'name', text: q.name }),
    el('td', { class: 'num', text: count(q.depth) }),
    el('td', { class: 'num', text: q.depth > 0 && q.oldestEnqueuedAt > 0 ? age(q.latencyMillis) : '–' }),
    el('td', null, q.paused ? badge('paused', 'warn') : badge('active', 'good')),
    withActions ? el('td', { class: 'actions' },
      button(state.peek === q.name ? 'Hide' : 'Peek', () => { state.peek = state.peek === q.name ? null : q.name; refresh(); }),
      readOnly() ? null : q.paused
        ? button('Resume', () => act('Resumed ' + q.name, `/api/queues/${enc(q.name)}/resume`), { class: 'resume' })
        : button('Pause', () => {
          if (confirm(`Pause queue ${q.name}? Workers stop taking its jobs until it is resumed.`)) {
            act('Paused ' + q.name, `/api/queues/${enc(q.name)}/pause`);
          }
        }, { class: 'pause' })) : null));
}

const LANE_HEADERS = ['Tenant / channel', 'Operation', ['Waiting', 'num'], ['In flight', 'num'], ['Coalesced', 'num'],
  ['Stale', 'num'], ['Offered', 'num']];

function lanesPanel(lanes) {
  return panel('Waiting changes', (lanes || []).length === 0 ? empty('No change is waiting to be sent.')
    : table(LANE_HEADERS, lanes.map(l => el('tr', { 'data-lane': l.tenant + '/' + l.channel + '/' + l.operation },
      el('td', { class: 'name', text: who(l.tenant, l.channel) }),
      el('td', { text: l.operation }),
      el('td', { class: 'num', text: count(l.waiting) }),
      el('td', { class: 'num', text: count(l.inFlight) }),
      el('td', { class: 'num', text: count(l.coalesced) }),
      el('td', { class: 'num', text: count(l.stale) }),
      el('td', { class: 'num', text: count(l.offered) }))), { class: 'lanes' }),
    el('p', { class: 'hint', text: 'Per tenant, channel and operation, the latest change of each SKU waits to be sent in batches. Coalesced changes replaced one still waiting for the same SKU (a call saved); stale ones were older than a change already accepted and were dropped.' }));
}

async function renderOverview(o) {
  const s = o.stats;
  const range = el('div', { class: 'range' }, RANGES.map(([m, label]) =>
    button(label, () => { state.minutes = m; refresh(); }, { class: m === state.minutes ? 'on' : null })));
  return el('div', null,
    el('div', { class: 'cards' },
      card('In flight', count(o.inFlight) + ' / ' + count(o.threads), 'busy of all worker threads'),
      card('Enqueued', count(s.enqueued), 'waiting on all queues'),
      card('Scheduled', count(s.scheduled), 'retries and postponed jobs'),
      card('Dead', count(s.dead), s.dead ? 'need a person' : 'nothing needs a person', s.dead ? 'bad' : null),
      card('Workers', count(o.liveProcesses) + ' live', o.deadProcesses ? count(o.deadProcesses) + ' dead' : 'none dead',
        o.deadProcesses ? 'warn' : null),
      card('Processed', count(s.processed), count(s.failed) + ' failed, all time')),
    el('section', { class: 'panel' },
      el('div', { class: 'panel-head' }, el('h2', { text: 'Jobs per minute' }), range),
      s.minutes.length ? chart(s.minutes) : empty('No history asked for.')),
    panel('Queues', table(QUEUE_HEADERS, queueRows(o.queues, false), { class: 'queues' })),
    lanesPanel(o.lanes));
}

async function renderQueues(o) {
  const data = await getJson('/api/queues');
  const parts = [panel('Queues', table([...QUEUE_HEADERS, ''], queueRows(data.queues, true), { class: 'queues' })),
    lanesPanel(o.lanes)];
  if (state.peek) {
    try {
      const peek = await getJson(`/api/queues/${enc(state.peek)}/peek?limit=20`);
      parts.push(panel(`Next jobs on ${state.peek}`, peek.jobs.length === 0 ? empty('The queue is empty.')
        : table(['Job', 'Tenant / channel', 'Operation', ['Items', 'num'], ['Attempt', 'num'], 'Waiting', 'Note'], peek.jobs.map(j => el('tr', null,
          el('td', { class: 'mono', text: j.id || '–' }),
          el('td', { text: j.readable === false ? '–' : who(j.tenant, j.channel) }),
          el('td', { text: j.operation || '–' }),
          el('td', { class: 'num', text: count(j.items) }),
          el('td', { class: 'num', text: j.attempt }),
          el('td', { text: j.enqueuedAt ? age(peek.capturedAt - j.enqueuedAt) : '–' }),
          el('td', { class: 'msg', text: j.problem || j.lastError || '' }))))));
    } catch (e) {
      state.peek = null;
    }
  }
  return el('div', null, parts);
}

async function renderWorkers() {
  const data = await getJson('/api/workers');
  const now = data.capturedAt;
  if (data.processes.length === 0) return panel('Workers', empty('No worker process has registered in this namespace.'));
  const rows = data.processes.map(p => el('tr', { 'data-process': p.id, class: p.alive ? null : 'dead' },
    el('td', { class: 'mono', text: p.id }),
    el('td', null, p.alive ? badge('live', 'good') : badge('dead', 'bad')),
    el('td', { text: (p.host || '–') + (p.pid ? ' · pid ' + p.pid : '') }),
    el('td', { class: 'num', text: p.alive ? p.busy + ' / ' + p.concurrency : '–' }),
    el('td', { text: p.queues.join(', ') || '–' }),
    el('td', { class: p.alive ? null : 'bad-text', text: age(p.heartbeatAgeMillis) + ' ago' }),
    el('td', { text: p.startedAt ? 'up ' + age(now - p.startedAt) : '–' })));
  const threads = [];
  for (const p of data.processes) {
    if (!p.alive) continue;
    for (const t of p.threads) {
      threads.push(el('tr', null,
        el('td', { class: 'mono', text: p.id }),
        el('td', { class: 'mono', text: t.thread }),
        el('td', { text: t.queue || '–' }),
        el('td', { text: who(t.tenant, t.channel) }),
        el('td', { text: t.op || '–' }),
        el('td', { class: 'mono', text: t.jobId || '–' }),
        el('td', { text: t.since ? age(now - t.since) + ' (since ' + clock(t.since) + ')' : '–' })));
    }
  }
  return el('div', null,
    panel(`Processes: ${data.live} live, ${data.dead} dead`,
      table(['Process', 'State', 'Host', ['Busy threads', 'num'], 'Queues', 'Heartbeat', 'Running'], rows, { class: 'workers' }),
      el('p', { class: 'hint', text: `A process whose heartbeat is older than ${age(data.staleAfterMillis)} is shown as dead: it crashed, was killed or is stuck.` })),
    panel('What the busy threads are doing', threads.length === 0 ? empty('No thread is running a job.')
      : table(['Process', 'Thread', 'Queue', 'Tenant / channel', 'Operation', 'Job', 'Running for'], threads, { class: 'threads' })));
}

function pager(total, offset, onMove) {
  if (total <= PAGE) return null;
  return el('div', { class: 'pager' },
    button('Newer', () => onMove(Math.max(0, offset - PAGE)), { disabled: offset === 0 }),
    ` ${count(offset + 1)}–${count(Math.min(total, offset + PAGE))} of ${count(total)} `,
    button('Older', () => onMove(offset + PAGE), { disabled: offset + PAGE >= total }));
}

async function renderScheduled() {
  const data = await getJson(`/api/scheduled?offset=${state.scheduledOffset}&limit=${PAGE}`);
  const now = data.capturedAt;
  const rows = data.jobs.map(s => el('tr', null,
    el('td', { text: until(now, s.dueAt) }),
    el('td', { text: clock(s.dueAt) }),
    el('td', { text: s.job.queue || '–' }),
    el('td', { text: s.job.readable === false ? '–' : who(s.job.tenant, s.job.channel) }),
    el('td', { text: s.job.operation || '–' }),
    el('td', { class: 'num', text: count(s.job.items) }),
    el('td', null, s.job.attempt > 0 ? badge('retry ' + s.job.attempt, 'warn') : badge('postponed')),
    el('td', { class: 'msg', text: s.job.lastError || s.job.problem || '' })));
  return panel(`Scheduled and retrying: ${count(data.total)} waiting`,
    data.total === 0 ? empty('Nothing waits on the schedule.')
      : table(['Runs', 'At', 'Queue', 'Tenant / channel', 'Operation', ['Items', 'num'], 'Why', 'Last error'], rows, { class: 'scheduled' }),
    pager(data.total, data.offset, o => { state.scheduledOffset = o; refresh(); }));
}

function deadToolbar(data) {
  if (readOnly()) return el('p', { class: 'hint', text: 'Read-only: retry and remove are switched off.' });
  const ids = () => [...state.selected];
  return el('div', { class: 'toolbar' },
    button(`Retry selected (${state.selected.size})`, () => {
      act('Retried selected', '/api/dead/retry', { ids: ids() });
      state.selected.clear();
    }, { disabled: state.selected.size === 0, class: 'retry-selected' }),
    button(`Remove selected (${state.selected.size})`, () => {
      if (confirm(`Remove ${state.selected.size} dead jobs for good?`)) {
        act('Removed selected', '/api/dead/remove', { ids: ids() });
        state.selected.clear();
      }
    }, { disabled: state.selected.size === 0, class: 'remove-selected danger' }),
    el('span', { class: 'spacer' }),
    button('Retry all', () => {
      if (confirm(`Put all ${count(data.total)} dead jobs back on their queues?`)) act('Retried all', '/api/dead/retry', { all: true });
    }, { class: 'retry-all' }),
    button('Remove all', () => {
      if (confirm(`Remove all ${count(data.total)} dead jobs for good?`)) act('Removed all', '/api/dead/remove', { all: true });
    }, { class: 'remove-all danger' }));
}

async function deadDetails(id, columns) {
  let job;
  try {
    job = await getJson(`/api/dead/${enc(id)}`);
  } catch (e) {
    state.deadOpen = null;
    return null;
  }
  let payload = job.payload || '';
  try {
    payload = JSON.stringify(JSON.parse(payload), null, 2);
  } catch (e) {
    // Not JSON: shown as the worker stored it.
  }
  return el('tr', { class: 'details' }, el('td', { colspan: columns },
    job.items.length ? table(['SKU', 'Code', 'Marketplace message'], job.items.map(i => el('tr', null,
      el('td', { class: 'mono', text: i.sku || '–' }), el('td', { text: i.code || '–' }), el('td', { class: 'msg', text: i.message || '' })))) : null,
    el('p', { class: 'hint', text: `Worker ${job.worker || '–'}. Payload (credentials masked); a retry runs it again with attempts reset:` }),
    el('pre', { class: 'payload', text: payload || '(no payload)' })));
}

async function renderDead() {
  const data = await getJson(`/api/dead?offset=${state.deadOffset}&limit=${PAGE}`);
  const now = data.capturedAt;
  const present = new Set(data.jobs.map(j => j.id));
  for (const id of [...state.selected]) if (!present.has(id)) state.selected.delete(id);
  if (data.total === 0) return panel('Dead jobs', empty('No dead jobs. Nothing needs a person.'));
  const columns = readOnly() ? 8 : 9;
  const rows = [];
  for (const j of data.jobs) {
    const select = readOnly() ? null : el('td', null, el('input', {
      type: 'checkbox', class: 'select', 'aria-label': 'select ' + j.id, checked: state.selected.has(j.id),
      onchange: e => { if (e.target.checked) state.selected.add(j.id); else state.selected.delete(j.id); rerenderToolbar(data); },
    }));
    rows.push(el('tr', { 'data-id': j.id },
      select,
      el('td', { text: clock(j.failedAt) + ' (' + ago(now, j.failedAt) + ')' }),
      el('td', { text: j.tenant ? who(j.tenant, j.channel) : '–' }),
      el('td', { text: j.operation || '–' }),
      el('td', { class: 'reason', text: j.reason || '–' }),
      el('td', { class: 'msg' }, j.errorCode ? el('code', { text: j.errorCode }) : null, j.errorCode && j.errorMessage ? ' ' : null,
        j.errorMessage || (j.errorCode ? '' : '–')),
      el('td', { class: 'num', text: j.attempts }),
      el('td', { text: j.queue || '–' }),
      el('td', { class: 'actions' },
        button(state.deadOpen === j.id ? 'Hide' : 'Details', () => { state.deadOpen = state.deadOpen === j.id ? null : j.id; refresh(); }, { class: 'details' }),
        readOnly() ? null : button('Retry', () => act('Retried ' + j.id, `/api/dead/${enc(j.id)}/retry`), { class: 'retry' }),
        readOnly() ? null : button('Remove', () => {
          if (confirm('Remove this dead job for good?')) act('Removed ' + j.id, `/api/dead/${enc(j.id)}/remove`);
        }, { class: 'remove danger' }))));
    if (state.deadOpen === j.id) rows.push(await deadDetails(j.id, columns));
  }
  const headers = ['Failed', 'Tenant / channel', 'Operation', 'Reason', 'Marketplace error', ['Attempts', 'num'], 'Queue', ''];
  const selectAll = readOnly() ? [] : [el('input', {
    type: 'checkbox', 'aria-label': 'select all on this page',
    checked: data.jobs.length > 0 && data.jobs.every(j => state.selected.has(j.id)),
    onchange: e => {
      for (const j of data.jobs) { if (e.target.checked) state.selected.add(j.id); else state.selected.delete(j.id); }
      refresh();
    },
  })];
  const head = el('thead', null, el('tr', null, readOnly() ? null : el('th', null, selectAll), headers.map(heading)));
  return panel(`Dead jobs: ${count(data.total)}`,
    el('div', { id: 'dead-toolbar' }, deadToolbar(data)),
    el('table', { class: 'dead' }, head, el('tbody', null, rows)),
    pager(data.total, data.offset, o => { state.deadOffset = o; refresh(); }));
}

function rerenderToolbar(data) {
  const holder = document.getElementById('dead-toolbar');
  if (holder) holder.replaceChildren(deadToolbar(data));
}

const HEALTH = {
  paused: ['paused: credentials refused', 'bad'],
  circuit_open: ['circuit open', 'bad'],
  failing: ['failing', 'warn'],
  healthy: ['healthy', 'good'],
  unused: ['no calls yet', ''],
};

async function renderConnections() {
  const data = await getJson('/api/connections');
  const now = data.capturedAt;
  if (data.connections.length === 0) return panel('Connections', empty('No connection is stored in this namespace.'));
  const rows = data.connections.map(c => {
    const s = c.state;
    const [label, kind] = HEALTH[c.health] || [c.health, ''];
    const settings = Object.entries(c.settings).map(([k, v]) => k + '=' + v).join(', ');
    return el('tr', { 'data-connection': c.tenant + '/' + c.channel },
      el('td', null, el('div', { class: 'name', text: who(c.tenant, c.channel) }),
        el('div', { class: 'hint', text: c.environment.toLowerCase() + (settings ? ' · ' + settings : '') }),
        el('div', { class: 'hint', text: 'secrets: ' + (c.secretNames.join(', ') || 'none') + ' (values never shown)' })),
      el('td', null, badge(label, kind)),
      el('td', { text: ago(now, s.lastSuccessAt) }),
      el('td', { class: 'msg' }, s.lastErrorAt ? ago(now, s.lastErrorAt) + ': ' : 'never', s.lastError || ''),
      el('td', { text: s.circuit ? s.circuit.replace('_', '-') + ' since ' + ago(now, s.circuitAt) : 'closed' }),
      el('td', { class: 'msg' }, s.paused ? [badge('paused', 'bad'), ' ' + (s.pausedReason || ''),
        el('div', { class: 'hint', text: count(s.parkedJobs) + ' jobs parked since ' + ago(now, s.pausedAt) })] : 'no'),
      el('td', { class: 'num', text: count(s.throttled) + (s.lastThrottledAt ? ' (last ' + ago(now, s.lastThrottledAt) + ')' : '') }));
  });
  return panel('Connections',
    table(['Connection', 'Health', 'Last success', 'Last error', 'Circuit breaker', 'Paused (credentials)', ['429s', 'num']], rows, { class: 'connections' }),
    el('p', { class: 'hint', text: 'A paused connection is resumed from the CLI (syncfleet connections resume) once its credentials are fixed; its parked jobs then go back on their queues. 429s counts the times the marketplace throttled this connection. Each connection\'s fleet-wide rate budget is shared by every worker process; its waits and 429s are on the workers\' /metrics, and its waiting changes in the Waiting changes table.' }));
}

async function renderOrders() {
  const data = await getJson('/api/orders');
  const now = data.capturedAt;
  if (data.streams.length === 0) return panel('Orders', empty('No tenant has a connection yet, so no order stream.'));
  return el('div', null, data.streams.map(s => panel(`Orders of ${s.tenant}`,
    el('p', null, el('code', { text: s.stream }), ` · ${count(s.length)} entries · newest ${s.lastEntryAt ? ago(now, s.lastEntryAt) : 'none yet'}`),
    s.groups.length === 0
      ? empty('No consumer group yet: the merchant\'s system has not started reading this stream.')
      : table(['Consumer group', ['Consumers', 'num'], ['Pending (unacknowledged)', 'num'], ['Lag (not yet delivered)', 'num'], 'Last delivered'], s.groups.map(g => el('tr', null,
        el('td', { class: 'name', text: g.name }),
        el('td', { class: 'num', text: count(g.consumers) }),
        el('td', { class: 'num', text: count(g.pending) }),
        el('td', { class: 'num', text: (g.lagExact ? '' : 'at least ') + count(g.lag) }),
        el('td', { class: 'mono', text: g.lastDeliveredId })))))));
}

const RESYNC_STATE = {
  offering: ['offering', 'warn'],
  draining: ['sending', 'warn'],
  finished: ['finished', 'good'],
  abandoned: ['abandoned', 'bad'],
  stalled: ['stalled', 'bad'],
};

async function renderResyncs() {
  const data = await getJson('/api/resyncs');
  const now = data.capturedAt;
  if (data.resyncs.length === 0) {
    return panel('Resyncs', empty('No resync recorded. syncfleet resync --file catalog.jsonl --tenant T --channels C starts one.'));
  }
  const rows = [];
  for (const r of data.resyncs) {
    r.channels.forEach((c, i) => {
      const [label, kind] = RESYNC_STATE[c.state] || [c.state, ''];
      const ended = c.done + c.failed + c.superseded;
      rows.push(el('tr', { 'data-resync': r.id + '/' + c.channel, class: r.running ? null : 'ended' },
        el('td', { class: 'mono', text: i === 0 ? r.id : '' }),
        el('td', { text: who(r.tenant, c.channel) }),
        el('td', null, badge(label, kind)),
        el('td', null, c.pending === null ? el('span', { class: 'hint', text: count(c.total) + ' offered so far' })
          : el('progress', { max: Math.max(1, c.total), value: Math.min(ended, c.total), title: count(ended) + ' of ' + count(c.total) })),
        el('td', { class: 'num done', text: count(c.done) }),
        el('td', { class: 'num failed', text: count(c.failed) }),
        el('td', { class: 'num', text: count(c.superseded) }),
        el('td', { class: 'num pending', text: c.pending === null ? 'offering' : count(c.pending) }),
        el('td', { class: 'num', text: count(c.total) }),
        el('td', { text: clock(r.startedAt) + ' (' + ago(now, r.startedAt) + ')' }),
        el('td', { text: c.finishedAt ? clock(c.finishedAt) : r.running ? 'heartbeat ' + ago(now, r.heartbeatAt) : '–' })));
    });
    if (r.error) {
      rows.push(el('tr', { class: 'details' }, el('td', { colspan: 11, class: 'msg', text: r.id + ': ' + r.error })));
    }
  }
  return panel(`Resyncs: ${count(data.running)} running`,
    table(['Resync', 'Tenant / channel', 'State', 'Progress', ['Done', 'num'], ['Failed', 'num'], ['Superseded', 'num'],
      ['Pending', 'num'], ['Total', 'num'], 'Started', 'Finished'], rows, { class: 'resyncs' }),
    el('p', { class: 'hint', text: 'A resync holds its channels until the workers have sent every item: another resync of the same tenant and channel is refused meanwhile. Superseded items were replaced by a newer change before they were sent. A stalled resync lost its offering process; the next resync of its channels takes over. Failed items are in the dead set.' }));
}

const RENDER = {
  overview: renderOverview,
  queues: renderQueues,
  workers: renderWorkers,
  scheduled: renderScheduled,
  dead: renderDead,
  connections: renderConnections,
  orders: renderOrders,
  resyncs: renderResyncs,
};

// ---- page --------------------------------------------------------------------------------------

function readOnly() {
  return Boolean(state.session && state.session.readOnly);
}

function updateHeader(o) {
  document.getElementById('namespace').textContent = 'namespace ' + o.namespace;
  document.getElementById('readonly').hidden = !o.readOnly;
  document.getElementById('count-workers').textContent = o.deadProcesses ? `${o.liveProcesses} + ${o.deadProcesses} dead` : String(o.liveProcesses);
  document.getElementById('count-workers').className = 'count' + (o.deadProcesses ? ' bad' : '');
  document.getElementById('count-scheduled').textContent = count(o.stats.scheduled);
  document.getElementById('count-dead').textContent = count(o.stats.dead);
  document.getElementById('count-dead').className = 'count' + (o.stats.dead ? ' bad' : '');
  for (const a of document.querySelectorAll('#tabs a')) a.classList.toggle('on', a.dataset.view === state.view);
}

async function refresh() {
  if (state.busy) {
    state.again = true;
    return;
  }
  state.busy = true;
  try {
    const overview = await getJson('/api/overview?minutes=' + (state.view === 'overview' ? state.minutes : 0));
    updateHeader(overview);
    const node = await RENDER[state.view](overview);
    document.getElementById('view').replaceChildren(node);
    document.getElementById('updated').textContent = 'updated ' + clock(overview.capturedAt);
    const banner = document.getElementById('banner');
    if (banner.dataset.source === 'refresh') {
      banner.hidden = true;
      delete banner.dataset.source;
    }
  } catch (e) {
    if (e.status !== 401) {
      notice('Could not refresh: ' + e.message, true);
      document.getElementById('banner').dataset.source = 'refresh';
    }
  } finally {
    state.busy = false;
    if (state.again) {
      state.again = false;
      refresh();
    }
  }
}

function route() {
  const view = location.hash.slice(1);
  state.view = Object.prototype.hasOwnProperty.call(RENDER, view) ? view : 'overview';
  refresh();
}

async function start() {
  try {
    state.session = await getJson('/api/session');
  } catch (e) {
    if (e.status === 401) return;
    notice('Could not reach the dashboard: ' + e.message, true);
  }
  const signOut = document.getElementById('signout');
  signOut.hidden = !(state.session && state.session.canSignOut);
  signOut.addEventListener('click', async () => {
    await post('/logout');
    location.assign('/login');
  });
  window.addEventListener('hashchange', route);
  setInterval(() => {
    if (document.getElementById('autorefresh').checked && !document.hidden) refresh();
  }, REFRESH_MS);
  route();
}

start();
