// The demo page at / in headless Debian Chromium: sign in with a dev token, register an agent, and see its live
// notification and new-event arrive over pusher-js from the app's local Pusher server; then walk the agent through
// the academy (enroll, examination, a passing grade by the page's demo examiner) and before the council (a risk-2
// approval the demo examiner votes for), watching the real events arrive and its row change live.
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
const TIMEOUT = 20_000;

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

test('the demo page walks a new agent through its life and shows its live events', async () => {
  const page = context.pages()[0] ?? await context.newPage();
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
  const who = 'E2E Tester ' + Date.now().toString(36);
  await page.getByLabel('Your name').fill(who);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#profile').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#profile-name').textContent(), who);
  const profileId = (await page.locator('#profile-id').textContent()).trim();
  assert.match(profileId, /^[0-9a-f-]{36}$/);

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
  const row = page.locator('#agents-body tr', { hasText: agentName });
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
  assert.match(agentId, /^[0-9a-f-]{36}$/);
  const agentRow = (attributes) => page.locator(`#agents-body tr[data-agent-id="${agentId}"]${attributes}`);
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
