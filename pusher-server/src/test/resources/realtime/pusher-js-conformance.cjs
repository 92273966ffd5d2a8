// pusher-js (protocol 7) against a Pusher server. Driven by PusherJsConformanceTests, which passes in the env:
// PUSHER_JS_DIR (where pusher-js is installed), KEY, SECRET, either CLUSTER (real Pusher) or WS_HOST and WS_PORT,
// FORCE_TLS, CHANNEL_SUFFIX (unique per run) and LOCAL_SERVER=true when the server is our LocalPusherServer.
// Prints "CHECK <name> <ok> <detail>" and "SKIP <name> <reason>" lines, "READY"/"READY2" when the Java side should
// trigger over HTTP, and "DONE" at the end.
const path = require('path');
const crypto = require('crypto');
const Pusher = require(path.join(process.env.PUSHER_JS_DIR, 'node_modules', 'pusher-js'));

const KEY = process.env.KEY;
const SECRET = process.env.SECRET;
const LOCAL = process.env.LOCAL_SERVER === 'true';
// pusher-js insists on a cluster even when wsHost makes it irrelevant
const ENDPOINT = process.env.CLUSTER ? { cluster: process.env.CLUSTER }
  : { cluster: 'local', wsHost: process.env.WS_HOST, wsPort: Number(process.env.WS_PORT),
    wssPort: Number(process.env.WS_PORT) };
const PUBLIC = `public-js${process.env.CHANNEL_SUFFIX}`;
const PRIVATE = `private-js${process.env.CHANNEL_SUFFIX}`;
const PRESENCE = `presence-js${process.env.CHANNEL_SUFFIX}`;
// how long something that should not happen gets to happen anyway: a remote server needs more
const SETTLE_MS = LOCAL ? 300 : 1500;
const sign = (secret, s) => crypto.createHmac('sha256', secret).update(s).digest('hex');

function check(name, ok, detail) {
  console.log(`CHECK ${name} ${ok ? 'true' : 'false'} ${JSON.stringify(detail === undefined ? null : detail)}`);
}

// What only our server does, beyond what Pusher promises: Pusher may word or code it differently.
function localCheck(name, ok, detail, why) {
  if (LOCAL) check(name, ok, detail);
  else console.log(`SKIP ${name} ${why}`);
}

// Signs like an auth endpoint would, so private and presence channels work against any server that has SECRET.
// Every connection state change is printed as a TRACE line: when a step hangs, the output says which client was where.
function client(name, userId, userInfo, secret = SECRET) {
  const pusher = new Pusher(KEY, {
    ...ENDPOINT, forceTLS: process.env.FORCE_TLS === 'true', enabledTransports: ['ws'], disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        if (channelName.startsWith('presence-')) {
          const channelData = JSON.stringify({ user_id: userId, user_info: userInfo });
          callback(null, { auth: `${KEY}:${sign(secret, `${socketId}:${channelName}:${channelData}`)}`,
            channel_data: channelData });
        } else {
          callback(null, { auth: `${KEY}:${sign(secret, `${socketId}:${channelName}`)}` });
        }
      },
    },
  });
  pusher.connection.bind('state_change', ({ previous, current }) => console.log(`TRACE ${name} ${previous}->${current}`));
  return pusher;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const settle = () => sleep(SETTLE_MS);
async function until(condition) {
  for (let waited = 0; waited < 20 * SETTLE_MS && !condition(); waited += 50) await sleep(50);
}
const subscribed = (channel) => new Promise((resolve, reject) => {
  channel.bind('pusher:subscription_succeeded', resolve);
  channel.bind('pusher:subscription_error', reject);
});
const connected = (p) => new Promise((resolve) => p.connection.bind('connected', resolve));

async function main() {
  const alice = client('alice', 'alice', { name: 'Alice' });
  await connected(alice);
  check('socket-id-shape', /^\d+\.\d+$/.test(alice.connection.socket_id), alice.connection.socket_id);

  const pub = alice.subscribe(PUBLIC);
  const priv = alice.subscribe(PRIVATE);
  const pres = alice.subscribe(PRESENCE);
  await Promise.all([subscribed(pub), subscribed(priv), subscribed(pres)]);
  check('presence-me', pres.members.me && pres.members.me.id === 'alice', pres.members.me);

  const added = [];
  const removed = [];
  pres.bind('pusher:member_added', (m) => added.push(m.id));
  pres.bind('pusher:member_removed', (m) => removed.push(m.id));

  const bob = client('bob', 'bob', { name: 'Bob' });
  const bobPres = bob.subscribe(PRESENCE);
  const bobMembers = await subscribed(bobPres);
  check('presence-snapshot', bobMembers.count === 2 && bobPres.members.get('alice') !== null,
    { count: bobMembers.count });
  await until(() => added.length > 0);
  check('member-added-once', added.length === 1 && added[0] === 'bob', added);

  const bob2 = client('bob2', 'bob', { name: 'Bob' });
  const bob2Pres = bob2.subscribe(PRESENCE);
  await subscribed(bob2Pres);
  await settle();
  check('second-connection-no-member-added', added.length === 1, added);
  check('members-count-users', pres.members.count === 2, pres.members.count);

  // client events: to the others, with user_id, never back to the sender
  const gotByAlice = [];
  const gotByBob = [];
  const gotByBob2 = [];
  pres.bind('client-hello', (data, meta) => gotByAlice.push({ data, user: meta && meta.user_id }));
  bobPres.bind('client-hello', (data) => gotByBob.push(data));
  bob2Pres.bind('client-hello', (data) => gotByBob2.push(data));
  bobPres.trigger('client-hello', { hi: 1 });
  await until(() => gotByAlice.length > 0 && gotByBob2.length > 0);
  await settle();
  check('client-event-delivered', gotByAlice.length === 1 && gotByAlice[0].data.hi === 1
    && gotByAlice[0].user === 'bob', gotByAlice);
  check('client-event-not-echoed', gotByBob.length === 0, gotByBob);
  check('client-event-other-tab', gotByBob2.length === 1, gotByBob2);

  // a wrong signature: refused with a pusher:error, and the connection stays up
  const mallory = client('mallory', 'mallory', {}, 'wrong-secret');
  await connected(mallory);
  const errors = [];
  mallory.connection.bind('error', (e) => errors.push(e));
  const malloryPriv = mallory.subscribe(PRIVATE);
  let refused = null;
  malloryPriv.bind('pusher:subscription_error', (e) => { refused = e; });
  await until(() => errors.length > 0);
  await settle();
  check('bad-auth-refused', !malloryPriv.subscribed && errors.some((e) => e.type === 'PusherError'),
    { subscribed: malloryPriv.subscribed, errors });
  const pusherSaysOtherwise = 'Pusher sends only pusher:error, with code null';
  localCheck('bad-auth-subscription-error', refused && refused.status === 401, refused, pusherSaysOtherwise);
  localCheck('bad-auth-connection-error-4009', errors.some((e) => e.data && e.data.code === 4009), errors,
    pusherSaysOtherwise);
  check('bad-auth-still-connected', mallory.connection.state === 'connected', mallory.connection.state);

  // server events over HTTP, triggered by the Java side
  const events = [];
  pub.bind('js-event', (data) => events.push([PUBLIC, data]));
  priv.bind('js-event', (data) => events.push([PRIVATE, data]));
  console.log('READY');
  await until(() => events.length >= 2);
  check('http-events-received', events.length === 2
    && events.some(([c, d]) => c === PUBLIC && d.n === 1)
    && events.some(([c, d]) => c === PRIVATE && d.n === 2), events);

  // unsubscribe: nothing more arrives. The Java side triggers on both channels; the private event shows it did.
  alice.unsubscribe(PUBLIC);
  console.log('READY2');
  await until(() => events.some(([c, d]) => c === PRIVATE && d.n === 4));
  await settle();
  check('nothing-after-unsubscribe', events.length === 3 && events[2][0] === PRIVATE, events);

  // one of two connections of bob leaves: no member_removed; the last one: member_removed
  bob2.disconnect();
  await settle();
  check('no-member-removed-while-other-tab', removed.length === 0, removed);
  bob.disconnect();
  await until(() => removed.length > 0);
  check('member-removed-last-tab', removed.length === 1 && removed[0] === 'bob', removed);
  check('members-after', pres.members.count === 1, pres.members.count);

  // ping/pong: pusher-js's own ping gets the server's pong
  let pong = false;
  alice.connection.bind('message', (m) => { if (m.event === 'pusher:pong') pong = true; });
  alice.connection.send_event('pusher:ping', {});
  await until(() => pong);
  check('ping-pong', pong, null);

  alice.disconnect();
  mallory.disconnect();
  console.log('DONE');
  setTimeout(() => process.exit(0), 100);
}

main().catch((e) => { console.log(`CHECK script false ${JSON.stringify(String(e && e.stack || e))}`); process.exit(1); });
// Generous: a stalled connection gets pusher-js's own recovery (unavailable after 10 s, then a new attempt).
setTimeout(() => { console.log('CHECK timeout false null'); process.exit(2); }, Math.max(90_000, 100 * SETTLE_MS));
