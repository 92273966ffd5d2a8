// AgentAnchor live demo: plain JavaScript, no build step. Talks to the same origin that served it.
'use strict';

(function () {
  const TOKEN_KEY = 'agentanchor.demo.token';
  const MAX_FEED = 200;

  const $ = (id) => document.getElementById(id);
  const state = { token: null, profile: null, pusher: null, seen: new Set(), shown: 0 };

  // ---- small helpers -------------------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'className') node.className = value;
      else if (name === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function show(node, visible) { node.hidden = !visible; }

  function showError(node, message) {
    node.textContent = message || '';
    show(node, Boolean(message));
  }

  function formatTime(value) {
    const date = value ? new Date(value) : new Date();
    return isNaN(date) ? String(value) : date.toLocaleTimeString();
  }

  async function api(path, { method = 'GET', body, auth = true } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth && state.token) headers.Authorization = 'Bearer ' + state.token;
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const data = text ? safeJson(text) : null;
    if (!response.ok) {
      const error = new Error(problemMessage(response, data));
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function safeJson(text) {
    try { return JSON.parse(text); } catch (e) { return { detail: text }; }
  }

  // RFC 9457 problem details: title, detail and the per-field errors the API gives on a 400.
  function problemMessage(response, problem) {
    if (!problem) return response.status + ' ' + response.statusText;
    const parts = [problem.title || (response.status + ' ' + response.statusText)];
    if (problem.detail) parts.push(problem.detail);
    if (Array.isArray(problem.errors)) {
      parts.push(problem.errors.map((e) => (e.field ? e.field + ': ' : '') + e.message).join('; '));
    }
    return parts.join(' — ');
  }

  // The dev token's subject: letters, digits and . _ - only.
  function subjectFor(name) {
    const slug = name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
    return (slug || 'demo').slice(0, 64);
  }

  // ---- sign in, profile ----------------------------------------------------------------------------------

  async function signIn(event) {
    event.preventDefault();
    const name = $('signin-name').value.trim();
    if (!name) { showError($('signin-error'), 'Please enter a name.'); return; }
    showError($('signin-error'), '');
    $('signin-button').disabled = true;
    try {
      const token = await api('/dev/token', { method: 'POST', auth: false, body: { sub: subjectFor(name), name } });
      state.token = token.access_token;
      sessionStorage.setItem(TOKEN_KEY, state.token);
      await loadSession();
    } catch (e) {
      showError($('signin-error'), e.status === 404
        ? 'Development tokens are off: this app is configured with a real token issuer.'
        : 'Sign-in failed: ' + e.message);
    } finally {
      $('signin-button').disabled = false;
    }
  }

  async function loadSession() {
    try {
      state.profile = await api('/api/profiles/me');
    } catch (e) {
      if (e.status === 401) { signOut(); return; }
      throw e;
    }
    const p = state.profile;
    $('profile-name').textContent = p.fullName || '—';
    $('profile-email').textContent = p.email || '—';
    $('profile-role').textContent = p.role || '—';
    $('profile-id').textContent = p.id;
    show($('profile'), true);
    show($('signin-form'), false);
    $('agent-fieldset').disabled = false;
    $('agent-hint').textContent = 'Registers a draft agent with POST /api/agents.';
    document.body.dataset.signedIn = 'true';
    await Promise.all([loadAgents(), connect()]);
  }

  function signOut() {
    state.token = null;
    state.profile = null;
    sessionStorage.removeItem(TOKEN_KEY);
    show($('profile'), false);
    show($('signin-form'), true);
    $('agent-fieldset').disabled = true;
    $('agent-hint').textContent = 'Sign in first.';
    $('agents-body').replaceChildren();
    show($('agents-table'), false);
    show($('agents-empty'), true);
    delete document.body.dataset.signedIn;
    connect();
  }

  // ---- agents --------------------------------------------------------------------------------------------

  async function createAgent(event) {
    event.preventDefault();
    const name = $('agent-name').value.trim();
    const description = $('agent-description').value.trim();
    if (!name) { showError($('agent-error'), 'An agent needs a name.'); return; }
    showError($('agent-error'), '');
    $('agent-button').disabled = true;
    try {
      const body = { name };
      if (description) body.description = description;
      await api('/api/agents', { method: 'POST', body });
      $('agent-form').reset();
      await loadAgents();
    } catch (e) {
      showError($('agent-error'), 'Could not register the agent: ' + e.message);
    } finally {
      $('agent-button').disabled = false;
    }
  }

  // GET /api/agents lists every agent the caller may see (their own and all active ones): keep only mine.
  async function loadAgents() {
    if (!state.profile) return;
    const mine = [];
    for (let page = 0; page < 5; page++) {
      const result = await api('/api/agents?page=' + page + '&size=100');
      mine.push(...result.items.filter((a) => a.ownerId === state.profile.id));
      if (!result.hasNext) break;
    }
    $('agents-body').replaceChildren(...mine.map((a) => el('tr', { dataset: { agentId: a.id } },
      el('th', { scope: 'row' }, a.name, a.description ? el('span', { className: 'sub' }, a.description) : null),
      el('td', {}, el('span', { className: 'pill status-' + a.status }, a.status)),
      el('td', {}, a.trustScore),
      el('td', {}, a.trustTier),
      el('td', {}, el('time', { datetime: a.createdAt }, formatTime(a.createdAt))))));
    show($('agents-table'), mine.length > 0);
    show($('agents-empty'), mine.length === 0);
  }

  // ---- realtime ------------------------------------------------------------------------------------------

  function setConnection(current) {
    const label = {
      initialized: 'not connected', connecting: 'connecting…', connected: 'connected',
      unavailable: 'unavailable (retrying)', failed: 'failed: WebSockets not supported', disconnected: 'disconnected',
    }[current] || current;
    $('connection-state').textContent = label;
    $('connection-state').dataset.state = current;
  }

  function setChannel(name, channelState, detail) {
    let item = document.querySelector('#channels [data-channel="' + CSS.escape(name) + '"]');
    if (!item) {
      item = el('li', { dataset: { channel: name } });
      $('channels').append(item);
    }
    item.dataset.state = channelState;
    item.replaceChildren(el('span', {}, el('code', {}, name), ' ',
      el('span', { className: 'pill ch-' + channelState }, channelState),
      detail ? el('span', { className: 'sub' }, detail) : null));
  }

  async function connect() {
    if (state.pusher) {
      state.pusher.disconnect();
      state.pusher = null;
    }
    $('channels').replaceChildren();
    if (typeof window.Pusher !== 'function') {
      setConnection('failed');
      $('connection-state').textContent = 'pusher-js did not load (/vendor/pusher.min.js)';
      return;
    }
    let config;
    try {
      config = await api('/api/realtime/config', { auth: false });
    } catch (e) {
      setConnection('failed');
      $('connection-state').textContent = 'no realtime configuration: ' + e.message;
      return;
    }
    const { key, ...options } = config;
    const headers = state.token ? { Authorization: 'Bearer ' + state.token } : {};
    if (options.channelAuthorization) options.channelAuthorization = { ...options.channelAuthorization, headers };
    if (options.userAuthentication) options.userAuthentication = { ...options.userAuthentication, headers };

    const pusher = new window.Pusher(key, options);
    state.pusher = pusher;
    pusher.connection.bind('state_change', ({ current }) => { if (state.pusher === pusher) setConnection(current); });
    setConnection(pusher.connection.state);

    const channels = ['observer-feed'];
    if (state.profile) channels.unshift('private-user-' + state.profile.id);
    for (const name of channels) {
      setChannel(name, 'subscribing');
      const channel = pusher.subscribe(name);
      channel.bind('pusher:subscription_succeeded', () => setChannel(name, 'subscribed'));
      channel.bind('pusher:subscription_error', (err) =>
        setChannel(name, 'refused', err && (err.status ? 'HTTP ' + err.status : err.error || err.type)));
      // Every story event (new-event, notification, trust-change, trust-tier-change, agent-status-change,
      // decision-pending, decision-made, …) is shown; the two of this slice get their own rendering.
      channel.bind_global((eventName, data) => {
        if (eventName.startsWith('pusher:') || eventName.startsWith('pusher_internal:')) return;
        addEvent(name, eventName, data);
      });
    }
  }

  // ---- the feed ------------------------------------------------------------------------------------------

  function summary(eventName, data) {
    const d = data || {};
    if (eventName === 'new-event' && d.event) {
      return { title: d.event.title || d.event.eventType, text: d.event.description, level: d.event.severity,
        time: d.event.createdAt, kind: d.event.eventType };
    }
    if (eventName === 'notification') {
      return { title: d.title, text: d.message, level: d.type, time: d.timestamp };
    }
    // trust-change, trust-tier-change, agent-status-change, decision-pending, decision-made, …: generic.
    const known = ['agentName', 'agentId', 'previousScore', 'newScore', 'changeAmount', 'previousTier', 'newTier',
      'previousStatus', 'newStatus', 'status', 'decision', 'decisionType', 'outcome', 'reason', 'reasoning'];
    const facts = known.filter((k) => d[k] !== undefined && d[k] !== null && typeof d[k] !== 'object')
      .map((k) => k + ': ' + d[k]).join(' · ');
    return { title: d.title || d.message || eventName, text: d.description || facts, level: d.severity || d.type,
      time: d.timestamp || d.createdAt || d.occurredAt };
  }

  function addEvent(channelName, eventName, data) {
    const id = (data && (data.eventId || data.id)) || null;
    const dedupeKey = id ? eventName + ':' + id : null;
    if (dedupeKey && state.seen.has(dedupeKey)) {
      const existing = document.querySelector('#feed-list [data-dedupe="' + CSS.escape(dedupeKey) + '"]');
      if (existing && !existing.dataset.channels.split(' ').includes(channelName)) {
        existing.dataset.channels += ' ' + channelName;
        existing.querySelector('.channel').textContent = existing.dataset.channels.split(' ').join(', ');
      }
      return;
    }
    if (dedupeKey) state.seen.add(dedupeKey);
    const s = summary(eventName, data);
    const item = el('li', {
      className: 'event', dataset: { event: eventName, eventId: id || '', dedupe: dedupeKey || '',
        channels: channelName, level: s.level || '' },
    },
    el('div', { className: 'event-head' },
      el('span', { className: 'pill ev-' + eventName }, eventName),
      s.level ? el('span', { className: 'pill level-' + s.level }, s.level) : null,
      el('strong', { className: 'event-title' }, s.title || eventName),
      el('time', { datetime: s.time || new Date().toISOString() }, formatTime(s.time))),
    s.text ? el('p', { className: 'event-text' }, s.text) : null,
    el('p', { className: 'sub' }, 'on ', el('span', { className: 'channel' }, channelName),
      s.kind ? ' · ' + s.kind : null, id ? ' · eventId ' : null, id ? el('code', {}, id) : null),
    el('details', {}, el('summary', {}, 'Payload'), el('pre', {}, JSON.stringify(data, null, 2))));
    $('feed-list').prepend(item);
    while ($('feed-list').children.length > MAX_FEED) $('feed-list').lastElementChild.remove();
    state.shown += 1;
    $('feed-count').textContent = String(state.shown);
    show($('feed-empty'), false);
  }

  // ---- start ---------------------------------------------------------------------------------------------

  // For the end-to-end test and the curious: feed a payload through the same path as a received event.
  window.agentAnchorDemo = { state, receive: addEvent };

  document.addEventListener('DOMContentLoaded', () => {
    $('signin-form').addEventListener('submit', signIn);
    $('signout-button').addEventListener('click', signOut);
    $('agent-form').addEventListener('submit', createAgent);
    state.token = sessionStorage.getItem(TOKEN_KEY);
    const start = state.token ? loadSession() : connect();
    start.catch((e) => showError($('signin-error'), e.message));
  });
})();
