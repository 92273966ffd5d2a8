// The demo page at / in headless Debian Chromium: sign in with a dev token, register an agent, and see its live
// notification and new-event arrive over pusher-js from the app's local Pusher server.
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

test('the demo page shows the live events of a newly registered agent', async () => {
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

  // De-duplicated by eventId: no event is shown twice.
  const keys = await page.locator('#feed-list li').evaluateAll((items) => items.map((li) => li.dataset.dedupe));
  assert.equal(new Set(keys).size, keys.length, 'each eventId is shown once: ' + keys.join(', '));

  // Every form control has a label.
  const unlabelled = await page.locator('input, textarea').evaluateAll((els) =>
    els.filter((e) => e.labels.length === 0 && !e.getAttribute('aria-label')).map((e) => e.id || e.name));
  assert.deepEqual(unlabelled, []);

  assert.deepEqual(foreign, [], 'the page asked for nothing outside the app');
  assert.deepEqual(problems, [], 'no script errors');

  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  // At-least-once delivery: the same eventId again, here as if it also came over observer-feed, is not shown
  // twice; the item only names both channels.
  const payload = JSON.parse(await notification.locator('pre').textContent());
  await page.evaluate((p) => window.agentAnchorDemo.receive('observer-feed', 'notification', p), payload);
  await page.evaluate((p) => window.agentAnchorDemo.receive(
    'private-user-' + p.profileId, 'notification', p.payload), { profileId, payload });
  assert.equal(await page.locator(`#feed-list li[data-event-id="${payload.eventId}"]`).count(), 1);
  assert.match(await notification.getAttribute('data-channels'), /observer-feed/);

  // Any other story event is shown generically (trust-change stands for the ones later domains bring).
  await page.evaluate(() => window.agentAnchorDemo.receive('observer-feed', 'trust-change', {
    eventId: 'e2e-trust-change', agentName: 'Scout', previousScore: 100, newScore: 120, changeAmount: 20,
    reason: 'e2e', timestamp: new Date().toISOString() }));
  const generic = page.locator('#feed-list li[data-event="trust-change"]');
  await generic.waitFor();
  assert.match(await generic.textContent(), /newScore: 120/);
  assert.deepEqual(problems, [], 'no script errors');
});
