// AgentAnchor live demo: plain JavaScript, no build step. Talks to the same origin that served it.
'use strict';

(function () {
  const TOKEN_KEY = 'agentanchor.demo.token';
  const MAX_FEED = 200;
  // The second identity of the local default: a validator must not own the agent it grades or votes on.
  const EXAMINER = { sub: 'demo-examiner', name: 'Demo Examiner' };
  // The local default's admin (AGENTANCHOR_ADMIN_SUBJECTS adds others): it seats the demo examiner on the council.
  const DEV_ADMIN = { sub: 'dev-admin', name: 'Development Admin' };
  const DEFAULT_SCORE = 85;
  const COUNCIL_RISK = 2;
  const LISTINGS_PAGE = 12;

  const $ = (id) => document.getElementById(id);
  const state = {
    token: null, profile: null, pusher: null, seen: new Set(), shown: 0,
    agents: new Map(),     // my agents by id, as last rendered
    pending: new Map(),    // council requests on my agents still waiting for a vote, by decision id
    examiner: null,        // Promise of { token, profile } for the demo examiner, once asked for
    refresh: new Map(),    // agent id → timer of a pending re-fetch
    focusAgent: null,      // the agent whose row's controls take the focus after its next re-render
    charts: new Map(),     // agent id → its trust chart: { row, figure, asked, timer, drawnScore }
    market: {
      params: null,        // the search shown (URLSearchParams without the cursor)
      next: null,          // the cursor of its next page
      searches: 0,         // searches started: a page that comes back after a newer search began is dropped
      listings: new Map(), // listings seen, by id (titles for the acquisitions too)
      acquisitions: [],    // mine, newest first
    },
  };

  // ---- small helpers -------------------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    return build(document.createElement(tag), attrs, children);
  }

  function svg(tag, attrs, ...children) {
    return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
  }

  // Text goes in as text nodes only: nothing a user typed is ever parsed as markup.
  function build(node, attrs, children) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'className') node.setAttribute('class', value);
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

  function formatDateTime(value) {
    const date = new Date(value);
    return isNaN(date) ? String(value) : date.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit',
      minute: '2-digit', second: '2-digit' });
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  // token: whose bearer token to send (the signed-in user's unless told otherwise, e.g. the demo examiner's).
  async function api(path, { method = 'GET', body, auth = true, token = state.token } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth && token) headers.Authorization = 'Bearer ' + token;
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
    $('market-hint').textContent = 'Signed in as ' + (p.fullName || p.id) + ': acquire a clone, then review it below.';
    // The acquisitions name their clones, so they follow the agents.
    await Promise.all([loadAgents().then(loadAcquisitions), connect()]);
    renderShownListings();
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
    state.agents.clear();
    state.pending.clear();
    state.charts.clear();
    state.market.acquisitions = [];
    $('acquisitions-list').replaceChildren();
    show($('acquisitions-empty'), true);
    $('market-hint').textContent = 'Sign in on the Agents tab to acquire a clone.';
    renderShownListings();
    state.examiner = null;
    setExaminerState('not yet asked for');
    say('');
    showError($('agents-error'), '');
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

  // GET /api/agents lists every agent the caller may see (their own and all active ones): keep only mine. Rows
  // already shown are updated in place, so what is typed into them stays.
  async function loadAgents() {
    if (!state.profile) return;
    const mine = [];
    for (let page = 0; page < 5; page++) {
      const result = await api('/api/agents?page=' + page + '&size=100');
      mine.push(...result.items.filter((a) => a.ownerId === state.profile.id));
      if (!result.hasNext) break;
    }
    const ids = new Set(mine.map((a) => a.id));
    for (const id of [...state.agents.keys()]) {
      if (!ids.has(id)) { state.agents.delete(id); state.charts.delete(id); }
    }
    $('agents-body').replaceChildren(...mine.flatMap((a) => [renderAgent(a), chartOf(a.id).row]));
    show($('agents-table'), mine.length > 0);
    show($('agents-empty'), mine.length === 0);
    await loadPendingDecisions();
  }

  function rowOf(agentId) {
    return agentId ? document.querySelector('#agents-body tr[data-agent-id="' + CSS.escape(agentId) + '"]') : null;
  }

  // One row per agent: name, status, trust score, tier, registration time and what can be done next; its trust
  // chart in the row below (chartOf), drawn again whenever the score is not the one last drawn.
  function renderAgent(a) {
    const previous = state.agents.get(a.id);
    state.agents.set(a.id, a);
    let row = rowOf(a.id);
    if (!row) {
      row = el('tr', { dataset: { agentId: a.id } },
        el('th', { scope: 'row', id: 'agent-name-' + a.id }, el('span', { className: 'agent-name' }), ' ',
          el('span', { className: 'sub agent-description' })),
        el('td', { className: 'col-status' }),
        el('td', { className: 'col-score' }),
        el('td', { className: 'col-tier' }),
        el('td', {}, el('time', { datetime: a.createdAt }, formatTime(a.createdAt))),
        el('td', { className: 'col-actions' }, el('div', { className: 'actions' }),
          el('ul', { className: 'pending', 'aria-label': 'Council requests of ' + a.name + ' waiting for a vote' })));
    }
    row.querySelector('.agent-name').textContent = a.name;
    row.querySelector('.agent-description').textContent = a.description || '';
    setStatus(row, a.status);
    setCell(row, 'col-score', 'trustScore', a.trustScore);
    setCell(row, 'col-tier', 'trustTier', a.trustTier);
    if (!previous || previous.status !== a.status || !row.querySelector('.actions').hasChildNodes()) {
      renderActions(row, a);
    }
    renderPending(row, a.id);
    if (chartOf(a.id).drawnScore !== a.trustScore) scheduleTrustHistory(a.id);
    return row;
  }

  function setStatus(row, status) {
    if (row.dataset.status === status) return;
    const changed = row.dataset.status !== undefined;
    row.dataset.status = status;
    row.querySelector('.col-status').replaceChildren(el('span', { className: 'pill status-' + status }, status));
    if (changed) flash(row.querySelector('.col-status'));
  }

  function setCell(row, className, key, value) {
    if (value === undefined || value === null || row.dataset[key] === String(value)) return;
    const changed = row.dataset[key] !== undefined;
    row.dataset[key] = String(value);
    row.querySelector('.' + className).textContent = String(value);
    if (changed) flash(row.querySelector('.' + className));
  }

  // A short highlight of a cell that changed live (none when the reader prefers reduced motion: see the CSS).
  function flash(cell) {
    cell.classList.remove('changed');
    void cell.offsetWidth;
    cell.classList.add('changed');
  }

  // What the owner (or, for grading and voting, the demo examiner) can do next, after the agent's status.
  function renderActions(row, a) {
    const id = a.id;
    const describedBy = 'agent-name-' + id;
    const button = (label, onClick, extra) => {
      const b = el('button', { type: 'button', className: 'small', 'aria-describedby': describedBy, ...extra }, label);
      b.addEventListener('click', () => act(row, b, onClick));
      return b;
    };
    let controls;
    if (a.status === 'draft') {
      controls = [button('Enroll in academy', () => enroll(id))];
    } else if (a.status === 'training') {
      const score = el('input', { id: 'module-score-' + id, type: 'number', min: 0, max: 100, step: 1,
        value: DEFAULT_SCORE, inputmode: 'numeric', className: 'score', 'aria-describedby': describedBy });
      controls = [el('div', { className: 'inline' },
        el('label', { for: 'module-score-' + id }, 'Module score'), score,
        button('Grade modules as examiner', () => gradeModules(id, score), { className: 'small examiner' })),
        button('Request examination', () => requestExamination(id))];
    } else if (a.status === 'examination') {
      const score = el('input', { id: 'score-' + id, type: 'number', min: 0, max: 100, step: 1, value: DEFAULT_SCORE,
        inputmode: 'numeric', className: 'score', 'aria-describedby': describedBy });
      controls = [el('div', { className: 'inline' },
        el('label', { for: 'score-' + id }, 'Score'), score,
        button('Grade as examiner', () => grade(id, score), { className: 'small examiner' }))];
    } else if (a.status === 'active') {
      const action = el('input', { id: 'council-action-' + id, type: 'text', maxlength: 2000, required: true,
        placeholder: 'Send the weekly report', 'aria-describedby': describedBy });
      const form = el('form', { className: 'inline council' },
        el('label', { for: 'council-action-' + id }, 'Action'), action,
        el('button', { type: 'submit', className: 'small', 'aria-describedby': describedBy }, 'Ask the council'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        act(row, form.querySelector('button'), () => askCouncil(id, action));
      });
      controls = [form];
    } else {
      controls = [el('span', { className: 'muted' }, 'No action here for a ' + a.status + ' agent.')];
    }
    row.querySelector('.actions').replaceChildren(...controls);
    if (state.focusAgent === id) {
      state.focusAgent = null;
      const first = row.querySelector('.actions input, .actions button');
      if (first) first.focus();
    }
  }

  // Runs one action of a row: its button busy meanwhile, the outcome announced, the agent re-read afterwards.
  async function act(row, button, action) {
    const agentId = row.dataset.agentId;
    showError($('agents-error'), '');
    button.disabled = true;
    row.setAttribute('aria-busy', 'true');
    state.focusAgent = agentId;
    try {
      const message = await action();
      if (message) say(message);
      await refreshAgent(agentId);
    } catch (e) {
      state.focusAgent = null;
      const agent = state.agents.get(agentId);
      showError($('agents-error'), (agent ? agent.name + ': ' : '') + e.message);
    } finally {
      state.focusAgent = null;
      button.disabled = false;
      row.removeAttribute('aria-busy');
      // The control that was used may be gone (the row moved on): keep the focus in the row.
      if (row.isConnected && (!document.activeElement || document.activeElement === document.body
          || !document.activeElement.isConnected)) {
        const next = row.querySelector('.col-actions input, .col-actions button');
        if (next) next.focus();
      }
    }
  }

  function say(message) {
    $('agents-status').textContent = message;
  }

  function nameOf(agentId) {
    const agent = state.agents.get(agentId);
    return agent ? agent.name : 'The agent';
  }

  async function enroll(agentId) {
    const enrollment = await api('/api/academy/enrollments', { method: 'POST', body: { agentId } });
    return nameOf(agentId) + ' is enrolled (' + enrollment.curriculumType.replace(/_/g, ' ') + ') and in training.';
  }

  // The enrollment an action applies to: the newest one of the agent in one of the given statuses.
  async function enrollmentOf(agentId, statuses, missing) {
    const enrollments = await api('/api/academy/enrollments?agentId=' + encodeURIComponent(agentId));
    const enrollment = (enrollments || []).find((e) => statuses.includes(e.status));
    if (!enrollment) throw new Error(missing);
    return enrollment;
  }

  // The demo examiner grades the enrollment's modules in order with one score, until one fails or all are passed.
  async function gradeModules(agentId, input) {
    const score = Number(input.value);
    if (input.value === '' || !Number.isInteger(score) || score < 0 || score > 100) {
      throw new Error('a score is a whole number from 0 to 100.');
    }
    let enrollment = await enrollmentOf(agentId, ['enrolled', 'in_progress'],
      'no open enrollment in training (after three failed examinations an enrollment has failed).');
    let graded = 0;
    while (enrollment.currentModule !== null) {
      const module = enrollment.currentModule;
      enrollment = await asExaminer((token) => api('/api/academy/enrollments/' + enrollment.id + '/modules/' + module
        + '/results', { method: 'POST', token, body: { score, notes: 'Graded by the demo examiner on the demo page' } }));
      graded += 1;
      if (enrollment.currentModule === module) {
        return EXAMINER.name + ' graded module ' + module + ' of ' + nameOf(agentId) + ' ' + score
          + ': below its pass mark, so it stays the current module.';
      }
    }
    return EXAMINER.name + ' graded ' + graded + ' module' + (graded === 1 ? '' : 's') + ' of ' + nameOf(agentId)
      + ': all ' + enrollment.totalModules + ' passed, the examination is open.';
  }

  async function requestExamination(agentId) {
    const enrollment = await enrollmentOf(agentId, ['enrolled', 'in_progress'],
      'no open enrollment to examine (after three failed examinations an enrollment has failed).');
    if (!enrollment.examinationOpen) {
      throw new Error('the examination opens once every module is passed: module ' + enrollment.currentModule
        + ' of ' + enrollment.totalModules + ' is next (Grade modules as examiner).');
    }
    await api('/api/academy/enrollments/' + enrollment.id + '/examination', { method: 'POST' });
    return nameOf(agentId) + ' is up for examination: the demo examiner can grade it now.';
  }

  async function grade(agentId, input) {
    const score = Number(input.value);
    if (input.value === '' || !Number.isInteger(score) || score < 0 || score > 100) {
      throw new Error('a score is a whole number from 0 to 100.');
    }
    const enrollment = await enrollmentOf(agentId, ['examination'], 'it is not waiting for a grade.');
    const graded = await asExaminer((token) => api('/api/academy/enrollments/' + enrollment.id + '/grades',
      { method: 'POST', token, body: { score, notes: 'Graded by the demo examiner on the demo page' } }));
    return EXAMINER.name + ' graded ' + nameOf(agentId) + ' ' + score + ': ' + (graded.status === 'passed'
      ? 'passed, it graduates.'
      : graded.status === 'failed' ? 'failed for the last time; the enrollment has failed.' : 'failed, back to training.');
  }

  // ---- the demo examiner ---------------------------------------------------------------------------------

  function setExaminerState(text) {
    $('examiner-state').textContent = text;
  }

  // A second dev token, for the demo examiner, seated on the council (a validator) by the development admin once per
  // page; used only to grade and to vote. Development tokens, and that admin, exist in the local default only.
  function examiner() {
    if (!state.examiner) {
      state.examiner = (async () => {
        setExaminerState('signing in…');
        let token;
        try {
          token = (await api('/dev/token', { method: 'POST', auth: false, body: EXAMINER })).access_token;
        } catch (e) {
          throw new Error(e.status === 404
            ? 'development tokens are off, so there is no demo examiner: a validator grades and votes from their own account.'
            : 'the demo examiner could not sign in: ' + e.message);
        }
        const profile = await api('/api/profiles/me', { token });
        if (state.profile && profile.id === state.profile.id) {
          throw new Error('you are signed in as the demo examiner yourself; sign in under another name, since '
            + 'validators do not grade or vote on their own agents.');
        }
        const admin = (await api('/dev/token', { method: 'POST', auth: false, body: DEV_ADMIN })).access_token;
        await api('/api/council/validators', { method: 'POST', token: admin, body: { profileId: profile.id } });
        setExaminerState(profile.fullName + ' (a validator, seated by the development admin; profile '
          + profile.id + ')');
        return { token, profile };
      })();
      state.examiner.catch(() => { state.examiner = null; setExaminerState('not signed in'); });
    }
    return state.examiner;
  }

  // Runs a call with the demo examiner's token; once more with a fresh token if that one has expired.
  async function asExaminer(call) {
    const { token } = await examiner();
    try {
      return await call(token);
    } catch (e) {
      if (e.status !== 401) throw e;
      state.examiner = null;
      return call((await examiner()).token);
    }
  }

  // ---- the council ---------------------------------------------------------------------------------------

  async function askCouncil(agentId, input) {
    const subjectAction = input.value.trim();
    if (!subjectAction) throw new Error('type the action to put before the council.');
    const decision = await api('/api/council/decisions', { method: 'POST',
      body: { agentId, decisionType: 'approval', riskLevel: COUNCIL_RISK, subjectAction } });
    input.value = '';
    if (decision.status === 'pending') {
      addPending(decision);
      return 'Asked the council to approve “' + subjectAction + '” (risk ' + decision.riskLevel
        + '): one validator decides.';
    }
    return 'The council ' + decision.status + ' “' + subjectAction + '”: ' + (decision.reasoning || '');
  }

  async function voteFor(decision) {
    const result = await asExaminer((token) => api('/api/council/decisions/' + decision.id + '/votes',
      { method: 'POST', token, body: { vote: 'for', reason: 'Voted for by the demo examiner on the demo page' } }));
    dropPending(result.id);
    return 'The council ' + result.status + ' “' + result.subjectAction + '”'
      + (result.trustImpact ? ' (trust ' + signed(result.trustImpact) + ').' : '.');
  }

  // Requests waiting for a vote on my agents, e.g. from before a reload.
  async function loadPendingDecisions() {
    let pending;
    try {
      pending = await api('/api/council/decisions/pending?limit=100');
    } catch (e) {
      return;
    }
    for (const decision of pending || []) {
      if (state.agents.has(decision.agentId) && decision.status === 'pending') addPending(decision);
    }
  }

  function addPending(decision) {
    if (state.pending.has(decision.id) || decision.status !== 'pending') return;
    state.pending.set(decision.id, decision);
    const row = rowOf(decision.agentId);
    if (row) renderPending(row, decision.agentId);
  }

  function dropPending(decisionId) {
    const decision = state.pending.get(decisionId);
    if (!decision) return;
    state.pending.delete(decisionId);
    const row = rowOf(decision.agentId);
    if (row) renderPending(row, decision.agentId);
  }

  function renderPending(row, agentId) {
    const list = row.querySelector('.pending');
    const decisions = [...state.pending.values()].filter((d) => d.agentId === agentId);
    const ids = decisions.map((d) => d.id).join(' ');
    if (list.dataset.ids === ids) return;
    list.dataset.ids = ids;
    const items = decisions.map((d) => {
      const vote = el('button', { type: 'button', className: 'small examiner', 'aria-describedby': 'decision-' + d.id },
        'Vote for as validator');
      vote.addEventListener('click', () => act(row, vote, () => voteFor(d)));
      return el('li', { dataset: { decisionId: d.id } },
        el('span', { id: 'decision-' + d.id }, el('span', { className: 'pill status-pending' }, 'pending'), ' ',
          d.decisionType + ', risk ' + d.riskLevel + ': ',
          d.subjectAction ? el('q', {}, d.subjectAction) : 'a council request'), ' ', vote);
    });
    list.replaceChildren(...items);
    show(list, items.length > 0);
  }

  function signed(n) {
    return (n > 0 ? '+' : '') + n;
  }

  // ---- live updates of my agents -------------------------------------------------------------------------

  // A story event about one of my agents updates its row at once from the payload, then the agent is re-read
  // (shortly, once per burst of events) so that the row ends up as the server has it whatever the order.
  function applyToAgents(eventName, data) {
    const d = data || {};
    const agentId = d.agentId;
    if (eventName === 'decision-pending' && d.decision && state.agents.has(agentId)) {
      if (!state.pending.has(d.decision.id)) {
        api('/api/council/decisions/' + d.decision.id).then(addPending, () => {});
      }
      return;
    }
    if (eventName === 'decision-made' && d.decision) {
      dropPending(d.decision.id);
    }
    const row = rowOf(agentId);
    if (!row) return;
    if (eventName === 'trust-change') {
      setCell(row, 'col-score', 'trustScore', d.newScore);
      scheduleTrustHistory(agentId);
    } else if (eventName === 'trust-tier-change') {
      setCell(row, 'col-tier', 'trustTier', d.newTier);
      setCell(row, 'col-score', 'trustScore', d.trustScore);
    } else if ((eventName === 'agent-status-change' || eventName === 'agent-graduated') && d.newStatus) {
      const agent = state.agents.get(agentId);
      if (agent && agent.status !== d.newStatus) renderAgent({ ...agent, status: d.newStatus });
    } else if (eventName !== 'decision-made') {
      return;
    }
    scheduleRefresh(agentId);
  }

  function scheduleRefresh(agentId) {
    clearTimeout(state.refresh.get(agentId));
    state.refresh.set(agentId, setTimeout(() => {
      state.refresh.delete(agentId);
      refreshAgent(agentId).catch(() => {});
    }, 400));
  }

  async function refreshAgent(agentId) {
    if (!state.profile) return;
    const agent = await api('/api/agents/' + encodeURIComponent(agentId));
    if (agent && agent.ownerId === state.profile.id && rowOf(agentId)) renderAgent(agent);
  }

  // ---- trust history -------------------------------------------------------------------------------------

  // The plot in SVG units (it scales with the page): score 0–1000 up the left, time along the bottom.
  const CHART = { width: 720, height: 170, left: 46, right: 44, top: 10, bottom: 30 };
  const SCORE_MAX = 1000;
  const SCORE_TICKS = [0, 200, 400, 600, 800, 1000];
  const HISTORY_LIMIT = 100;

  // The row under an agent's row that holds its trust chart, kept across re-renders of the agent.
  function chartOf(agentId) {
    let chart = state.charts.get(agentId);
    if (!chart) {
      const figure = el('figure', { className: 'trust', dataset: { points: '0' } },
        el('figcaption', { className: 'sub' }, 'Trust history: loading…'));
      const row = el('tr', { className: 'trust-row', dataset: { trustOf: agentId } }, el('td', { colspan: 6 }, figure));
      chart = { row, figure, asked: 0, timer: null, drawnScore: null };
      state.charts.set(agentId, chart);
    }
    return chart;
  }

  // Once per burst of trust-change events and re-renders.
  function scheduleTrustHistory(agentId) {
    const chart = chartOf(agentId);
    clearTimeout(chart.timer);
    chart.timer = setTimeout(() => loadTrustHistory(agentId).catch((e) => {
      chart.figure.querySelector('figcaption').textContent = 'Trust history: could not be read (' + e.message + ')';
    }), 150);
  }

  // The newest changes (the first page), drawn whole; when answers cross, the last one asked for wins.
  async function loadTrustHistory(agentId) {
    const chart = state.charts.get(agentId);
    if (!chart) return;
    const asked = ++chart.asked;
    const page = await api('/api/agents/' + encodeURIComponent(agentId) + '/trust-history?limit=' + HISTORY_LIMIT);
    if (asked === chart.asked && state.charts.get(agentId) === chart) {
      drawTrustChart(chart, state.agents.get(agentId), page.items || [], Boolean(page.next));
    }
  }

  // One point per change, at its new score; the line starts at registration (score 100 has no history line) when
  // the page holds the whole history.
  function drawTrustChart(chart, agent, newestFirst, partial) {
    const changes = newestFirst.slice().reverse();
    const points = changes.map((c) => ({ time: Date.parse(c.createdAt), score: c.newScore, change: c }));
    const start = !partial && agent ? { time: Date.parse(agent.createdAt),
      score: changes.length ? changes[0].previousScore : agent.trustScore } : null;
    const line = start ? [start, ...points] : points;
    const latest = points.length ? points[points.length - 1].score : agent ? agent.trustScore : null;
    chart.drawnScore = latest;
    chart.figure.dataset.points = String(points.length);
    chart.figure.dataset.lastScore = latest === null ? '' : String(latest);
    const agentId = chart.row.dataset.trustOf;
    const captionId = 'trust-caption-' + agentId;
    const caption = el('figcaption', { id: captionId, className: 'sub' }, trustCaption(changes, latest, partial));
    const plot = line.length ? trustPlot(line, points, start, latest, 'agent-name-' + agentId + ' ' + captionId) : null;
    chart.figure.replaceChildren(...[plot, caption].filter(Boolean));
  }

  function trustCaption(changes, latest, partial) {
    if (!changes.length) {
      return 'Trust history: no change yet' + (latest === null ? '.' : ', ' + latest + ' since registration.');
    }
    const last = changes[changes.length - 1];
    return 'Trust history: ' + (partial ? 'the latest ' : '') + plural(changes.length, 'change') + ', now ' + latest
      + ' (last: ' + describeTrustChange(last) + '). Hover a point for its source and reason.';
  }

  function describeTrustChange(c) {
    return signed(c.change) + ', ' + String(c.source).replace(/_/g, ' ') + (c.reason ? ': ' + c.reason : '');
  }

  // A score holds until its next change: the line runs level to each change's time, then jumps.
  function stepsOf(line, x, y) {
    return line.flatMap((p, i) => (i === 0 ? [[p.time, p.score]] : [[p.time, line[i - 1].score], [p.time, p.score]]))
      .map(([time, score]) => x(time) + ',' + y(score)).join(' ');
  }

  function trustPlot(line, points, start, latest, labelledBy) {
    const { width, height, left, right, top, bottom } = CHART;
    const w = width - left - right;
    const h = height - top - bottom;
    const times = line.map((p) => p.time);
    const t0 = Math.min(...times);
    const t1 = Math.max(t0 + 1, ...times);
    const x = (t) => (left + ((t - t0) / (t1 - t0)) * w).toFixed(1);
    const y = (s) => (top + (1 - Math.min(Math.max(s, 0), SCORE_MAX) / SCORE_MAX) * h).toFixed(1);
    const ticks = SCORE_TICKS.map((s) => svg('g', { className: 'tick' },
      svg('line', { x1: left, x2: left + w, y1: y(s), y2: y(s) }),
      svg('text', { x: left - 6, y: y(s), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, s)));
    const axis = [
      svg('text', { className: 'time-label', x: left, y: height - 8, 'text-anchor': 'start' }, formatDateTime(t0)),
      svg('text', { className: 'time-label', x: left + w, y: height - 8, 'text-anchor': 'end' }, formatDateTime(t1)),
    ];
    const dots = points.map((p) => svg('circle', { className: 'trust-point', cx: x(p.time), cy: y(p.score), r: 4,
      dataset: { source: p.change.source, score: p.score } },
    svg('title', {}, p.change.previousScore + ' → ' + p.score + ' (' + describeTrustChange(p.change) + ') · '
      + formatDateTime(p.change.createdAt))));
    const first = start ? svg('circle', { className: 'trust-start', cx: x(start.time), cy: y(start.score), r: 3 },
      svg('title', {}, 'Registered at ' + start.score + ' · ' + formatDateTime(start.time))) : null;
    const end = line[line.length - 1];
    return svg('svg', { className: 'trust-plot', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-labelledby': labelledBy },
    ticks, axis,
    svg('polyline', { className: 'trust-line', points: stepsOf(line, x, y) }),
    first, dots,
    svg('text', { className: 'trust-last', x: Number(x(end.time)) + 7, y: Number(y(end.score)) - 6 }, latest));
  }

  // ---- tabs ----------------------------------------------------------------------------------------------

  function selectTab(name) {
    for (const tab of document.querySelectorAll('[role="tab"]')) {
      const selected = tab.id === 'tab-' + name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      show($(tab.getAttribute('aria-controls')), selected);
    }
    if (name === 'marketplace' && !state.market.params) searchListings();
  }

  // Click, or the arrow keys between the tabs (the ARIA tabs pattern).
  function bindTabs() {
    const tabs = [...document.querySelectorAll('[role="tab"]')];
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => selectTab(tab.id.slice('tab-'.length)));
      tab.addEventListener('keydown', (event) => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (!step) return;
        event.preventDefault();
        const next = tabs[(i + step + tabs.length) % tabs.length];
        selectTab(next.id.slice('tab-'.length));
        next.focus();
      });
    });
    // The skip link leads to the feed, on the agents' tab.
    document.querySelector('.skip').addEventListener('click', () => selectTab('agents'));
  }

  // ---- the marketplace -----------------------------------------------------------------------------------

  function marketSay(message) {
    $('market-status').textContent = message;
  }

  function searchParams() {
    const params = new URLSearchParams({ sort: $('market-sort').value, limit: String(LISTINGS_PAGE) });
    const q = $('market-q').value.trim();
    const category = $('market-category').value.trim();
    if (q) params.set('q', q);
    if (category) params.set('category', category);
    return params;
  }

  async function searchListings(event) {
    if (event) event.preventDefault();
    state.market.params = searchParams();
    state.market.searches += 1;
    $('listings').replaceChildren();
    await loadListings(null);
  }

  async function loadListings(after) {
    showError($('market-error'), '');
    $('market-button').disabled = true;
    $('market-more').disabled = true;
    const search = state.market.searches;
    try {
      const params = new URLSearchParams(state.market.params);
      if (after) params.set('after', after);
      const page = await api('/api/marketplace/listings?' + params);
      if (search !== state.market.searches) return;
      $('listings').append(...page.items.map(renderListing));
      state.market.next = page.next;
      show($('market-more'), Boolean(page.next));
      const shown = $('listings').children.length;
      marketSay(shown === 0 ? 'No listing matches.' : plural(shown, 'listing') + ' shown.');
    } catch (e) {
      showError($('market-error'), 'Could not search the marketplace: ' + e.message);
    } finally {
      $('market-button').disabled = false;
      $('market-more').disabled = false;
    }
  }

  function listingItemOf(listingId) {
    return document.querySelector('#listings li[data-listing-id="' + CSS.escape(listingId) + '"]');
  }

  // One listing: title, category, rating, description, tags, its terms, and acquiring a clone. Replaces the one shown.
  function renderListing(l) {
    state.market.listings.set(l.id, l);
    const titleId = 'listing-title-' + l.id;
    const item = el('li', { className: 'listing', dataset: { listingId: l.id, status: l.status,
      reviewCount: l.reviewCount, averageRating: averageOf(l) } },
    el('div', { className: 'listing-head' },
      el('h3', { id: titleId }, l.title),
      l.category ? el('span', { className: 'pill' }, l.category) : null,
      el('span', { className: 'rating' }, ratingText(l))),
    l.description ? el('p', { className: 'listing-description' }, l.description) : null,
    l.tags && l.tags.length ? el('p', { className: 'sub' }, 'Tags: ' + l.tags.join(', ')) : null,
    el('ul', { className: 'terms', 'aria-label': 'Terms of ' + l.title }, termsOf(l).map((t) => el('li', {}, t))),
    el('p', { className: 'sub' }, plural(l.acquisitionCount, 'acquisition') + ' · ' + plural(l.viewCount, 'view')
      + ' · listed ' + formatDateTime(l.publishedAt || l.createdAt)),
    el('div', { className: 'listing-actions' }, listingAction(l, titleId)));
    const shown = listingItemOf(l.id);
    if (shown) shown.replaceWith(item);
    return item;
  }

  // After signing in or out, what each listing offers changes.
  function renderShownListings() {
    for (const item of document.querySelectorAll('#listings li[data-listing-id]')) {
      const listing = state.market.listings.get(item.dataset.listingId);
      if (listing) renderListing(listing);
    }
  }

  function averageOf(l) {
    return l.reviewCount > 0 && l.averageRating !== null ? Number(l.averageRating).toFixed(1) : '';
  }

  function ratingText(l) {
    return l.reviewCount > 0 ? '★ ' + averageOf(l) + ' · ' + plural(l.reviewCount, 'review') : 'No reviews yet';
  }

  function price(value) {
    return value === null || value === undefined ? '—' : Number(value).toFixed(2);
  }

  function termsOf(l) {
    const terms = [];
    if (l.availableForCommission) terms.push('Commission: ' + Number(l.commissionRate) + ' per use');
    if (l.availableForClone) {
      terms.push('Clone: ' + price(l.clonePrice) + (l.maxClones === null ? ''
        : ' (' + Math.max(l.maxClones - l.currentClones, 0) + ' of ' + l.maxClones + ' left)'));
    }
    if (l.availableForEnterprise) terms.push('Enterprise lock: ' + price(l.enterprisePrice));
    return terms.length ? terms : ['Not on offer'];
  }

  function listingAction(l, titleId) {
    const note = (text) => el('span', { className: 'muted' }, text);
    if (!state.profile) return note('Sign in to acquire.');
    if (l.sellerId === state.profile.id) return note('Your listing.');
    const held = state.market.acquisitions.find((a) => a.listingId === l.id && a.status === 'active');
    if (held) return note('You hold it (' + held.acquisitionType.replace(/_/g, ' ') + ').');
    if (!l.availableForClone) return note('No clones offered.');
    if (l.status === 'sold_out') return note('Sold out.');
    const button = el('button', { type: 'button', className: 'small', 'aria-describedby': titleId }, 'Acquire a clone');
    button.addEventListener('click', () => marketAct(button, () => acquireClone(l)));
    return button;
  }

  // Runs one marketplace action: its button busy meanwhile, the outcome or the refusal said.
  async function marketAct(button, action) {
    showError($('market-error'), '');
    showError($('acquisitions-error'), '');
    button.disabled = true;
    try {
      marketSay(await action());
    } catch (e) {
      showError($('market-error'), e.message);
    } finally {
      button.disabled = false;
    }
  }

  async function acquireClone(l) {
    const acquisition = await api('/api/marketplace/listings/' + encodeURIComponent(l.id) + '/acquisitions',
      { method: 'POST', body: { type: 'clone' } });
    await loadAgents();
    await Promise.all([loadAcquisitions(), refreshListing(l.id)]);
    const clone = state.agents.get(acquisition.clonedAgentId);
    return 'You acquired a clone of “' + l.title + '” for ' + price(acquisition.priceAtAcquisition) + ': '
      + (clone ? clone.name : 'it') + ' is among your agents, a draft at trust ' + (clone ? clone.trustScore : 100) + '.';
  }

  // Reads one listing again (its counts and rating). Not the seller's: that counts a view.
  async function refreshListing(listingId) {
    const listing = await api('/api/marketplace/listings/' + encodeURIComponent(listingId));
    state.market.listings.set(listing.id, listing);
    if (listingItemOf(listing.id)) renderListing(listing);
    return listing;
  }

  async function loadAcquisitions() {
    if (!state.profile) return;
    try {
      const acquisitions = await api('/api/marketplace/acquisitions');
      state.market.acquisitions = acquisitions || [];
      // Titles of listings not seen in a search: read once (a listing off sale answers 404).
      const unknown = [...new Set(state.market.acquisitions.map((a) => a.listingId))]
        .filter((id) => !state.market.listings.has(id));
      await Promise.all(unknown.map((id) => refreshListing(id).catch(() => null)));
      $('acquisitions-list').replaceChildren(...state.market.acquisitions.map(renderAcquisition));
      show($('acquisitions-empty'), state.market.acquisitions.length === 0);
      renderShownListings();
    } catch (e) {
      showError($('acquisitions-error'), 'Could not read your acquisitions: ' + e.message);
    }
  }

  // One acquisition: what, how, for how much, the clone it made, and its review (or the form to write one).
  function renderAcquisition(a) {
    const listing = state.market.listings.get(a.listingId);
    const titleId = 'acquisition-title-' + a.id;
    const clone = a.clonedAgentId ? state.agents.get(a.clonedAgentId) : null;
    const cost = a.acquisitionType === 'commission'
      ? Number(a.commissionRateAtAcquisition) + ' per use' : price(a.priceAtAcquisition);
    return el('li', { className: 'acquisition', dataset: { acquisitionId: a.id, listingId: a.listingId,
      clonedAgentId: a.clonedAgentId || '', rating: a.rating === null ? '' : a.rating } },
    el('div', { className: 'listing-head' },
      el('strong', { id: titleId }, listing ? listing.title : 'A listing no longer on sale'),
      el('span', { className: 'pill status-' + a.status }, a.status)),
    el('p', { className: 'sub' }, a.acquisitionType.replace(/_/g, ' ') + ' · ' + cost + ' · '
      + formatDateTime(a.createdAt)),
    a.clonedAgentId ? el('p', { className: 'clone' }, 'Your clone: ', clone
      ? el('strong', {}, clone.name) : el('code', {}, a.clonedAgentId), clone ? ' (' + clone.status + ', trust '
      + clone.trustScore + ', on the Agents tab)' : null) : null,
    a.rating === null ? reviewForm(a, titleId) : el('p', { className: 'review-shown' },
      'Your review: ', el('span', { className: 'rating' }, '★'.repeat(a.rating) + ' ' + a.rating + '/5'),
      a.review ? el('q', {}, a.review) : null));
  }

  function reviewForm(a, titleId) {
    const rating = el('select', { id: 'rating-' + a.id, 'aria-describedby': titleId },
      [5, 4, 3, 2, 1].map((n) => el('option', { value: n }, n + ' ★')));
    const text = el('textarea', { id: 'review-' + a.id, rows: 2, maxlength: 5000, 'aria-describedby': titleId,
      placeholder: 'What did it do for you?' });
    const submit = el('button', { type: 'submit', className: 'small', 'aria-describedby': titleId }, 'Post review');
    const form = el('form', { className: 'review' },
      el('div', { className: 'inline' }, el('label', { for: 'rating-' + a.id }, 'Rating'), rating),
      el('label', { for: 'review-' + a.id }, 'Review'), text, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      marketAct(submit, () => review(a, Number(rating.value), text.value.trim()));
    });
    return form;
  }

  async function review(a, rating, text) {
    const body = { rating };
    if (text) body.review = text;
    await api('/api/marketplace/acquisitions/' + encodeURIComponent(a.id) + '/review', { method: 'POST', body });
    const [listing] = await Promise.all([refreshListing(a.listingId).catch(() => null), loadAcquisitions()]);
    return 'Your review (' + rating + '/5) is in' + (listing ? ': “' + listing.title + '” has ' + ratingText(listing)
      + ' now.' : '.');
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
      // Every story event is shown: new-event, notification, decision-pending, decision-made (my channel only),
      // trust-change, trust-tier-change, agent-status-change, agent-graduated (also on observer-feed for active
      // agents), and anything later domains bring; those about my agents update their rows too.
      channel.bind_global((eventName, data) => {
        if (eventName.startsWith('pusher:') || eventName.startsWith('pusher_internal:')) return;
        addEvent(name, eventName, data);
      });
    }
  }

  // ---- the feed ------------------------------------------------------------------------------------------

  function summary(eventName, data) {
    const d = data || {};
    const who = d.agentName || 'An agent';
    if (eventName === 'new-event' && d.event) {
      return { title: d.event.title || d.event.eventType, text: d.event.description, level: d.event.severity,
        time: d.event.createdAt, kind: d.event.eventType };
    }
    if (eventName === 'notification') {
      return { title: d.title, text: d.message, level: d.type, time: d.timestamp };
    }
    if (eventName === 'trust-change') {
      return { title: who + ': trust ' + d.previousScore + ' → ' + d.newScore + ' (' + signed(d.change) + ')',
        text: [d.reason, d.source ? 'source: ' + d.source : null].filter(Boolean).join(' · '),
        level: d.change < 0 ? 'warning' : 'success' };
    }
    if (eventName === 'trust-tier-change') {
      return { title: who + ': tier ' + d.previousTier + ' → ' + d.newTier, text: 'Trust score ' + d.trustScore,
        level: 'info' };
    }
    if (eventName === 'agent-graduated' || eventName === 'agent-status-change') {
      return { title: who + (eventName === 'agent-graduated' ? ' graduated' : ': ' + d.previousStatus + ' → ' + d.newStatus),
        text: (eventName === 'agent-graduated' ? d.previousStatus + ' → ' + d.newStatus + ' · ' : '') + (d.reason || ''),
        level: d.newStatus === 'suspended' ? 'error' : eventName === 'agent-graduated' ? 'success' : 'info' };
    }
    if ((eventName === 'decision-pending' || eventName === 'decision-made') && d.decision) {
      const c = d.decision;
      const known = state.pending.get(c.id);
      return { title: who + ': council ' + c.status,
        text: [c.decisionType + ', risk ' + c.riskLevel, known && known.subjectAction ? '“' + known.subjectAction + '”' : null,
          c.reasoning, c.trustImpact ? 'trust ' + signed(c.trustImpact) : null].filter(Boolean).join(' · '),
        level: c.status === 'approved' ? 'success' : c.status === 'rejected' ? 'warning' : 'info' };
    }
    // Anything else (escalation-required, …): generic.
    const known = ['agentName', 'agentId', 'previousScore', 'newScore', 'change', 'previousTier', 'newTier',
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
    const agentId = (data && data.agentId) || '';
    const item = el('li', {
      className: 'event', dataset: { event: eventName, eventId: id || '', dedupe: dedupeKey || '',
        channels: channelName, level: s.level || '', agentId },
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
    applyToAgents(eventName, data);
  }

  // ---- start ---------------------------------------------------------------------------------------------

  // For the end-to-end test and the curious: feed a payload through the same path as a received event.
  window.agentAnchorDemo = { state, receive: addEvent };

  document.addEventListener('DOMContentLoaded', () => {
    $('signin-form').addEventListener('submit', signIn);
    $('signout-button').addEventListener('click', signOut);
    $('agent-form').addEventListener('submit', createAgent);
    $('market-form').addEventListener('submit', searchListings);
    $('market-more').addEventListener('click', () => loadListings(state.market.next));
    bindTabs();
    state.token = sessionStorage.getItem(TOKEN_KEY);
    const start = state.token ? loadSession() : connect();
    start.catch((e) => showError($('signin-error'), e.message));
  });
})();
