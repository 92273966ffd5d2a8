// The demo page at / in headless Debian Chromium: sign in with a dev token, register an agent, and see its live
// notification and new-event arrive over pusher-js from the app's local Pusher server; then walk the agent through
// the academy (enroll, examination, a passing grade by the page's demo examiner) and before the council (a risk-2
// approval the demo examiner votes for), watching the real events arrive, its row change live and its trust history
// chart grow, one point per change, also for a change made through the API. Then the marketplace tab: a listing put up
// through the API by another user is found by a word of its description, acquired as a clone and reviewed, and its
// average rating changes on the page.
//
//   AGENTANCHOR_URL   the running app (default http://localhost:8080); e2e/run.sh starts one and sets it
//   CHROMIUM          the browser (default /usr/bin/chromium, Debian's package)
//   SCREENSHOT        where to write the screenshot (default docs/demo.png in the repository)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.AGENTANCHOR_URL || 'http://localhost:8080').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT = process.env.SCREENSHOT || path.join(here, '..', 'docs', 'demo.png');
const MARKET_SCREENSHOT = SCREENSHOT.replace(/(\.png)?$/, '-marketplace.png');
const TIMEOUT = 20_000;
const UUID = /^[0-9a-f-]{36}$/;

let context;
let profileDir;

before(async () => {
  // A fresh, empty profile per run, and the flags Chromium needs on a closed network as root.
  profileDir = mkdtempSync(path.join(tmpdir(), 'agentanchor-e2e-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

// ---- the API, as other users (not through the page) -----------------------------------------------------------

// One call; a refusal throws with the problem's text.
async function call(token, method, apiPath, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(BASE + apiPath,
    { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${apiPath}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// A development token, as the page gets one.
async function devToken(sub, name) {
  return (await call(null, 'POST', '/dev/token', { sub, name })).access_token;
}

// The demo examiner, seated on the council by the development admin (seating twice changes nothing).
async function examinerToken() {
  const token = await devToken('demo-examiner', 'Demo Examiner');
  const profile = await call(token, 'GET', '/api/profiles/me');
  const admin = await devToken('dev-admin', 'Development Admin');
  await call(admin, 'POST', '/api/council/validators', { profileId: profile.id });
  return token;
}

// Asks again until the answer satisfies the condition (what a follower of an event needs), at most TIMEOUT.
async function until(ask, satisfied, what) {
  const deadline = Date.now() + TIMEOUT;
  for (let last; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    last = await ask();
    if (satisfied(last)) return last;
    if (Date.now() > deadline) throw new Error('timed out waiting until ' + what + ': ' + JSON.stringify(last));
  }
}

// An agent of the owner's, through the academy as README's "Try it with curl" does it: active, trust 200.
async function graduatedAgent(owner, name, description) {
  const examiner = await examinerToken();
  const agent = await call(owner, 'POST', '/api/agents', { name, description });
  const enrollment = await call(owner, 'POST', '/api/academy/enrollments', { agentId: agent.id });
  for (let module = 1; module <= enrollment.totalModules; module++) {
    await call(examiner, 'POST', `/api/academy/enrollments/${enrollment.id}/modules/${module}/results`, { score: 90 });
  }
  await call(owner, 'POST', `/api/academy/enrollments/${enrollment.id}/examination`);
  await call(examiner, 'POST', `/api/academy/enrollments/${enrollment.id}/grades`, { score: 85 });
  return until(() => call(owner, 'GET', `/api/agents/${agent.id}`), (a) => a.status === 'active', name + ' is active');
}

// ---- the page -------------------------------------------------------------------------------------------------

// A new tab (its own session), allowed to ask the app only, with its script errors recorded.
async function openPage() {
  const page = context.pages().find((p) => p.url() === 'about:blank') ?? await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  // Everything must come from the app itself: no CDN. Anything else is refused and recorded.
  const origin = new URL(BASE).origin;
  const foreign = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  return { page, foreign, problems };
}

// Signs in through the form; the profile's id.
async function signIn(page, who) {
  await page.getByLabel('Your name').fill(who);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#profile').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#profile-name').textContent(), who);
  const profileId = (await page.locator('#profile-id').textContent()).trim();
  assert.match(profileId, UUID);
  return profileId;
}

// Letters only, so that the full-text search sees one word of its own.
function randomWord() {
  return Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

test('the demo page walks a new agent through its life and shows its live events', async () => {
  const { page, foreign, problems } = await openPage();

  const vendor = await page.request.get(BASE + '/vendor/pusher.min.js');
  assert.equal(vendor.status(), 200, '/vendor/pusher.min.js is served by the app');
  assert.match(await vendor.text(), /Pusher/);

  await page.goto(BASE + '/');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /AgentAnchor/ }).waitFor());
  assert.equal(await page.getByRole('link', { name: /Swagger UI/ }).getAttribute('href'), '/swagger-ui.html');

  // Anonymous: connected to the local Pusher server and subscribed to the public observer feed.
  await page.locator('#connection-state[data-state="connected"]').waitFor();
  await page.locator('#channels [data-channel="observer-feed"][data-state="subscribed"]').waitFor();

  // Sign in: the name field asks POST /dev/token; the profile appears.
  const profileId = await signIn(page, 'E2E Tester ' + Date.now().toString(36));

  // The private channel is signed by /api/realtime/auth with the bearer token, and subscribed.
  const privateChannel = 'private-user-' + profileId;
  await page.locator(`#channels [data-channel="${privateChannel}"][data-state="subscribed"]`).waitFor();
  await page.locator('#channels [data-channel="observer-feed"][data-state="subscribed"]').waitFor();
  assert.equal(await page.locator('#connection-state').getAttribute('data-state'), 'connected');

  // Register an agent through the form.
  const agentName = 'Scout ' + Date.now().toString(36);
  await page.getByLabel('Name', { exact: true }).fill(agentName);
  await page.getByLabel(/Description/).fill('Finds things, live on the demo page');
  await page.getByRole('button', { name: 'Register agent' }).click();

  // It is listed as mine, as a draft with the starting trust score.
  const row = page.locator('#agents-body tr[data-agent-id]', { hasText: agentName });
  await row.waitFor();
  assert.match(await row.textContent(), /draft/);
  assert.match(await row.textContent(), /100/);

  // And its events arrive live on the private channel: the notification and the observer's new-event.
  const notification = page.locator('#feed-list li[data-event="notification"]', { hasText: agentName });
  const newEvent = page.locator('#feed-list li[data-event="new-event"]', { hasText: agentName });
  await notification.waitFor();
  await newEvent.waitFor();
  assert.match(await notification.textContent(), /Agent registered/);
  assert.match(await newEvent.getAttribute('data-channels'), new RegExp(privateChannel));
  assert.ok(await newEvent.getAttribute('data-event-id'), 'new-event carries an eventId');

  const agentId = await row.getAttribute('data-agent-id');
  assert.match(agentId, UUID);
  const agentRow = (attributes) => page.locator(`#agents-body tr[data-agent-id="${agentId}"]${attributes}`);

  // Its trust history, in the row under it: no change yet, the line starts at registration (100).
  const chart = page.locator(`#agents-body tr[data-trust-of="${agentId}"] figure.trust`);
  const chartShows = (points, lastScore) => page.locator(
    `#agents-body tr[data-trust-of="${agentId}"] figure.trust[data-points="${points}"][data-last-score="${lastScore}"]`);
  await chartShows(0, 100).waitFor();
  assert.match(await chart.locator('figcaption').textContent(), /no change yet, 100 since registration/);
  assert.equal(await chart.locator('circle.trust-start').count(), 1);
  const feedItem = (eventName, text) =>
    page.locator(`#feed-list li[data-event="${eventName}"][data-agent-id="${agentId}"]`, { hasText: text });
  // Whether a feed item (already shown) names a channel; the second copy of an event may come a moment later.
  const arrivesOn = (item, channel) => item.evaluate((li, c) => new Promise((resolve, reject) => {
    const until = Date.now() + 10_000;
    (function poll() {
      if (li.dataset.channels.split(' ').includes(c)) resolve(true);
      else if (Date.now() > until) reject(new Error(li.dataset.event + ' only on ' + li.dataset.channels));
      else setTimeout(poll, 50);
    })();
  }), channel);

  // The demo examiner, a second identity for grading and voting, is explained where it is used.
  assert.match(await page.locator('#examiner-hint').textContent(), /demo-examiner[\s\S]*Local default only/);

  // The academy, step 1: enroll the draft; it is in training, live on my channel.
  await row.getByRole('button', { name: 'Enroll in academy' }).click();
  await agentRow('[data-status="training"]').waitFor();
  await feedItem('agent-status-change', 'draft → training').waitFor();
  // The page says so once the enrollment's response is in, which may come after the live event: wait for it.
  await page.locator('#agents-status', { hasText: 'enrolled' }).waitFor();

  // Step 2: the demo examiner passes its five modules (85 clears every pass mark of basic training).
  assert.equal(await row.getByLabel('Module score').inputValue(), '85');
  await row.getByRole('button', { name: 'Grade modules as examiner' }).click();
  await page.locator('#agents-status', { hasText: 'the examination is open' }).waitFor();

  // Step 3: the owner asks for the examination.
  await row.getByRole('button', { name: 'Request examination' }).click();
  await agentRow('[data-status="examination"]').waitFor();
  await feedItem('agent-status-change', 'training → examination').waitFor();

  // Step 4: the demo examiner (a trainer who does not own the agent) grades it 85: it graduates.
  const score = row.getByLabel('Score');
  assert.equal(await score.inputValue(), '85');
  await row.getByRole('button', { name: 'Grade as examiner' }).click();
  const graduated = feedItem('agent-graduated', 'examination → active');
  const trustUp = feedItem('trust-change', '100 → 200');
  const tierUp = feedItem('trust-tier-change', 'Untrusted → Provisional');
  await graduated.waitFor();
  await trustUp.waitFor();
  await tierUp.waitFor();
  assert.match(await trustUp.textContent(), /\+100/);
  assert.match(await tierUp.textContent(), /Trust score 200/);
  for (const item of [graduated, trustUp, tierUp]) {
    await arrivesOn(item, privateChannel);
    assert.ok(await item.getAttribute('data-event-id'), 'each event carries an eventId');
  }
  // The agent is active now, so in public view: its graduation also came over observer-feed.
  await Promise.any([graduated, trustUp, tierUp].map((item) => arrivesOn(item, 'observer-feed')));
  await agentRow('[data-status="active"][data-trust-score="200"][data-trust-tier="Provisional"]').waitFor();
  assert.equal((await row.locator('.col-status').textContent()).trim(), 'active');
  assert.equal((await row.locator('.col-score').textContent()).trim(), '200');
  assert.equal((await row.locator('.col-tier').textContent()).trim(), 'Provisional');
  assert.match(await page.locator('#examiner-state').textContent(), /Demo Examiner \(a validator, seated by the development admin/);

  // The chart has the graduation's point, from GET /api/agents/{id}/trust-history: the examination's +100, on a
  // score axis of 0 to 1000 with a time axis.
  await chartShows(1, 200).waitFor();
  assert.equal(await chart.locator('circle.trust-point').count(), 1);
  assert.equal(await chart.locator('circle.trust-point[data-source="examination"][data-score="200"]').count(), 1);
  assert.match(await chart.locator('circle.trust-point title').textContent(), /^100 → 200 \(\+100, examination/);
  assert.equal((await chart.locator('.trust-last').textContent()).trim(), '200');
  assert.deepEqual(await chart.locator('.tick text').allTextContents(), ['0', '200', '400', '600', '800', '1000']);
  assert.equal(await chart.locator('.time-label').count(), 2);
  assert.equal(await chart.locator('svg[role="img"]').getAttribute('aria-labelledby'),
    `agent-name-${agentId} trust-caption-${agentId}`);

  // The council: the owner asks for a risk-2 approval; it waits for one validator, and the demo examiner votes for.
  const subjectAction = 'Send the weekly report to the client';
  await row.getByLabel('Action', { exact: true }).fill(subjectAction);
  await row.getByRole('button', { name: 'Ask the council' }).click();
  const pending = row.locator('.pending li', { hasText: subjectAction });
  await pending.waitFor();
  await feedItem('decision-pending', 'pending').waitFor();
  await pending.getByRole('button', { name: 'Vote for as validator' }).click();
  const decided = feedItem('decision-made', 'approved');
  await decided.waitFor();
  await arrivesOn(decided, privateChannel);
  await feedItem('trust-change', '200 → 210').waitFor();
  await agentRow('[data-status="active"][data-trust-score="210"][data-trust-tier="Provisional"]').waitFor();
  assert.equal((await row.locator('.col-score').textContent()).trim(), '210');
  await chartShows(2, 210).waitFor();
  assert.equal(await chart.locator('circle.trust-point[data-source="council_decision"][data-score="210"]').count(), 1);
  await pending.waitFor({ state: 'detached' });
  await page.locator('#agents-status', { hasText: 'approved' }).waitFor();

  // The screenshot, after the whole story and before the replays below, so that it shows only real deliveries.
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true, animations: 'disabled' });

  // At-least-once delivery: the same eventId again, on either channel, is not shown twice (the item only names
  // both channels), and a late copy of the graduation's trust-change does not set the score back to 200.
  const notificationPayload = JSON.parse(await notification.locator('pre').textContent());
  await page.evaluate((p) => window.agentAnchorDemo.receive('observer-feed', 'notification', p), notificationPayload);
  await page.evaluate(({ channel, p }) => window.agentAnchorDemo.receive(channel, 'notification', p),
    { channel: privateChannel, p: notificationPayload });
  assert.equal(await page.locator(`#feed-list li[data-event-id="${notificationPayload.eventId}"]`).count(), 1);
  assert.match(await notification.getAttribute('data-channels'), /observer-feed/);
  const trustPayload = JSON.parse(await trustUp.locator('pre').textContent());
  for (const channel of [privateChannel, 'observer-feed']) {
    await page.evaluate(({ c, p }) => window.agentAnchorDemo.receive(c, 'trust-change', p), { c: channel, p: trustPayload });
  }
  assert.equal(await page.locator(`#feed-list li[data-event="trust-change"][data-event-id="${trustPayload.eventId}"]`)
    .count(), 1);
  assert.equal((await row.locator('.col-score').textContent()).trim(), '210');
  assert.equal(await chart.locator('circle.trust-point').count(), 2, 'a replayed trust-change adds no point');

  // A trust change made through the API, not on this page: another approved request (+10), voted for with the demo
  // examiner's own token. Its trust-change reaches the page over pusher-js and the chart gets its third point live.
  const owner = await page.evaluate(() => sessionStorage.getItem('agentanchor.demo.token'));
  const decision = await call(owner, 'POST', '/api/council/decisions',
    { agentId, decisionType: 'approval', riskLevel: 2, subjectAction: 'Renew the domain name' });
  await call(await examinerToken(), 'POST', `/api/council/decisions/${decision.id}/votes`,
    { vote: 'for', reason: 'Voted for through the API by the browser test' });
  await chartShows(3, 220).waitFor();
  assert.equal(await chart.locator('circle.trust-point').count(), 3);
  assert.equal((await chart.locator('.trust-last').textContent()).trim(), '220');
  assert.match(await chart.locator('figcaption').textContent(), /3 changes, now 220 \(last: \+10, council decision/);
  await feedItem('trust-change', '210 → 220').waitFor();

  // De-duplicated by eventId: no event is shown twice.
  const keys = await page.locator('#feed-list li').evaluateAll((items) => items.map((li) => li.dataset.dedupe));
  assert.equal(new Set(keys).size, keys.length, 'each eventId is shown once: ' + keys.join(', '));

  // Every form control has a label.
  const unlabelled = await page.locator('input, textarea').evaluateAll((els) =>
    els.filter((e) => e.labels.length === 0 && !e.getAttribute('aria-label')).map((e) => e.id || e.name));
  assert.deepEqual(unlabelled, []);

  assert.deepEqual(foreign, [], 'the page asked for nothing outside the app');
  assert.deepEqual(problems, [], 'no script errors');
});

test('the marketplace tab finds a listing by a word of its description, acquires a clone and reviews it', async () => {
  const { page, foreign, problems } = await openPage();
  const suffix = Date.now().toString(36);
  const word = randomWord();

  // Through the API: a seller lists a graduated agent of theirs; an earlier buyer acquires a clone and rates it 2.
  const seller = await devToken('e2e-seller-' + suffix, 'Seller ' + suffix);
  const agent = await graduatedAgent(seller, 'Atlas ' + suffix, 'Charts coastlines');
  const listing = await call(seller, 'POST', '/api/marketplace/listings', {
    agentId: agent.id, title: 'Atlas charts your coast ' + suffix, description: `Charts ${word} coastlines and harbours`,
    commissionRate: 0.1, availableForClone: true, clonePrice: 49, maxClones: 5, category: 'maps', tags: ['charts'],
  });
  const early = await devToken('e2e-early-buyer-' + suffix, 'Early Buyer ' + suffix);
  const earlier = await call(early, 'POST', `/api/marketplace/listings/${listing.id}/acquisitions`, { type: 'clone' });
  await call(early, 'POST', `/api/marketplace/acquisitions/${earlier.id}/review`, { rating: 2, review: 'Slow' });

  await page.goto(BASE + '/');
  await signIn(page, 'E2E Buyer ' + suffix);

  // The marketplace tab: search by the word of the description.
  await page.getByRole('tab', { name: 'Marketplace' }).click();
  assert.equal(await page.getByRole('tab', { name: 'Marketplace' }).getAttribute('aria-selected'), 'true');
  await page.locator('#panel-agents').waitFor({ state: 'hidden' });
  await page.getByLabel('Search', { exact: true }).fill(word);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const card = page.locator(`#listings li[data-listing-id="${listing.id}"]`);
  await card.waitFor();
  await page.locator('#market-status', { hasText: '1 listing shown.' }).waitFor();
  assert.equal(await page.locator('#listings li.listing').count(), 1, 'the word is in one listing only');
  assert.equal(await card.getByRole('heading').textContent(), listing.title);
  assert.match(await card.textContent(), new RegExp(`Charts ${word} coastlines`));
  assert.match(await card.textContent(), /Commission: 0\.1 per use/);
  assert.match(await card.textContent(), /Clone: 49\.00 \(4 of 5 left\)/);
  assert.equal((await card.locator('.rating').textContent()).trim(), '★ 2.0 · 1 review');

  // Acquire a clone: the acquisition is listed with its clone, the listing has one clone fewer.
  await card.getByRole('button', { name: 'Acquire a clone' }).click();
  const acquisition = page.locator(`#acquisitions-list li[data-listing-id="${listing.id}"]`);
  await acquisition.waitFor();
  await page.locator('#market-status', { hasText: 'You acquired a clone of' }).waitFor();
  const cloneId = await acquisition.getAttribute('data-cloned-agent-id');
  assert.match(cloneId, UUID);
  assert.match(await acquisition.textContent(),
    new RegExp(`clone · 49\\.00[\\s\\S]*Your clone: Atlas ${suffix} \\(draft, trust 100`));
  await card.filter({ hasText: '3 of 5 left' }).waitFor();
  assert.match(await card.locator('.listing-actions').textContent(), /You hold it \(clone\)/);

  // The clone is among my agents, a draft at trust 100 with a trust chart of its own.
  await page.getByRole('tab', { name: 'Agents' }).click();
  const cloneRow = page.locator(
    `#agents-body tr[data-agent-id="${cloneId}"][data-status="draft"][data-trust-score="100"]`);
  await cloneRow.waitFor();
  assert.equal(await cloneRow.locator('.agent-name').textContent(), 'Atlas ' + suffix);
  await page.locator(`#agents-body tr[data-trust-of="${cloneId}"] figure.trust[data-last-score="100"]`).waitFor();

  // Review it 4 (the text is shown as text, never as markup): the average goes from 2.0 to 3.0 over 2 reviews.
  await page.getByRole('tab', { name: 'Marketplace' }).click();
  await acquisition.getByLabel('Rating').selectOption('4');
  await acquisition.getByLabel('Review', { exact: true }).fill('Charted our bay <b>fast</b>');
  await acquisition.getByRole('button', { name: 'Post review' }).click();
  await page.locator(`#listings li[data-listing-id="${listing.id}"][data-review-count="2"][data-average-rating="3.0"]`)
    .waitFor();
  assert.equal((await card.locator('.rating').textContent()).trim(), '★ 3.0 · 2 reviews');
  await page.locator('#market-status', { hasText: 'has ★ 3.0 · 2 reviews now' }).waitFor();
  const shownReview = acquisition.locator('.review-shown');
  await shownReview.waitFor();
  assert.match(await shownReview.textContent(), /4\/5[\s\S]*Charted our bay <b>fast<\/b>/);
  assert.equal(await acquisition.locator('b').count(), 0, 'a review is text, not markup');
  assert.equal(await acquisition.locator('form.review').count(), 0, 'an acquisition is reviewed once');

  // The API agrees with the page.
  const after = await call(seller, 'GET', `/api/marketplace/listings/mine`);
  const mine = after.items.find((l) => l.id === listing.id);
  assert.equal(mine.reviewCount, 2);
  assert.equal(Number(mine.averageRating), 3);
  assert.equal(mine.currentClones, 2);

  mkdirSync(path.dirname(MARKET_SCREENSHOT), { recursive: true });
  await page.screenshot({ path: MARKET_SCREENSHOT, fullPage: true, animations: 'disabled' });

  const unlabelled = await page.locator('input, textarea, select').evaluateAll((els) =>
    els.filter((e) => e.labels.length === 0 && !e.getAttribute('aria-label')).map((e) => e.id || e.name));
  assert.deepEqual(unlabelled, []);
  assert.deepEqual(foreign, [], 'the page asked for nothing outside the app');
  assert.deepEqual(problems, [], 'no script errors');
});
