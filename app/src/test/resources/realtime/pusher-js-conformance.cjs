// pusher-js (protocol 7) against the local Pusher server. Driven by PusherJsConformanceTest:
// env PUSHER_JS_DIR (where pusher-js is installed), WS_PORT, KEY, SECRET. Prints "CHECK <name> <ok> <detail>"
// lines, "READY" when the Java side should trigger over HTTP, and "DONE" at the end.
const path = require('path');
const crypto = require('crypto');
const Pusher = require(path.join(process.env.PUSHER_JS_DIR, 'node_modules', 'pusher-js'));

const KEY = process.env.KEY;
const SECRET = process.env.SECRET;
const PORT = Number(process.env.WS_PORT);
const sign = (secret, s) => crypto.createHmac('sha256', secret).update(s).digest('hex');

function check(name, ok, detail) {
  console.log(`CHECK ${name} ${ok ? 'true' : 'false'} ${JSON.stringify(detail === undefined ? null : detail)}`);
}

function client(userId, userInfo, secret = SECRET) {
  return new Pusher(KEY, {
    cluster: 'local', wsHost: '127.0.0.1', wsPort: PORT, forceTLS: false, enabledTransports: ['ws'],
    disableStats: true,
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
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const subscribed = (channel) => new Promise((resolve, reject) => {
  channel.bind('pusher:subscription_succeeded', resolve);
  channel.bind('pusher:subscription_error', reject);
});
const connected = (p) => new Promise((resolve) => p.connection.bind('connected', resolve));

async function main() {
  const alice = client('alice', { name: 'Alice' });
  await connected(alice);
  check('socket-id-shape', /^\d+\.\d+$/.test(alice.connection.socket_id), alice.connection.socket_id);

  const pub = alice.subscribe('public-js');
  const priv = alice.subscribe('private-js');
  const pres = alice.subscribe('presence-js');
  await Promise.all([subscribed(pub), subscribed(priv), subscribed(pres)]);
  check('presence-me', pres.members.me && pres.members.me.id === 'alice', pres.members.me);

  const added = [];
  const removed = [];
  pres.bind('pusher:member_added', (m) => added.push(m.id));
  pres.bind('pusher:member_removed', (m) => removed.push(m.id));

  const bob = client('bob', { name: 'Bob' });
  const bobPres = bob.subscribe('presence-js');
  const bobMembers = await subscribed(bobPres);
  check('presence-snapshot', bobMembers.count === 2 && bobPres.members.get('alice') !== null,
    { count: bobMembers.count });
  await sleep(200);
  check('member-added-once', added.length === 1 && added[0] === 'bob', added);

  const bob2 = client('bob', { name: 'Bob' });
  const bob2Pres = bob2.subscribe('presence-js');
  await subscribed(bob2Pres);
  await sleep(300);
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
  await sleep(300);
  check('client-event-delivered', gotByAlice.length === 1 && gotByAlice[0].data.hi === 1
    && gotByAlice[0].user === 'bob', gotByAlice);
  check('client-event-not-echoed', gotByBob.length === 0, gotByBob);
  check('client-event-other-tab', gotByBob2.length === 1, gotByBob2);

  // a wrong signature: pusher:subscription_error on the channel, and the connection stays up
  const mallory = client('mallory', {}, 'wrong-secret');
  await connected(mallory);
  const errors = [];
  mallory.connection.bind('error', (e) => errors.push(e));
  const malloryPriv = mallory.subscribe('private-js');
  let refused = null;
  try {
    await subscribed(malloryPriv);
  } catch (e) {
    refused = e;
  }
  check('bad-auth-subscription-error', refused && refused.status === 401, refused);
  await sleep(100);
  check('bad-auth-connection-error-4009', errors.some((e) => e.data && e.data.code === 4009), errors);
  check('bad-auth-still-connected', mallory.connection.state === 'connected', mallory.connection.state);

  // server events over HTTP, triggered by the Java side
  const events = [];
  pub.bind('js-event', (data) => events.push(['public-js', data]));
  priv.bind('js-event', (data) => events.push(['private-js', data]));
  console.log('READY');
  for (let i = 0; i < 50 && events.length < 2; i++) await sleep(100);
  check('http-events-received', events.length === 2
    && events.some(([c, d]) => c === 'public-js' && d.n === 1)
    && events.some(([c, d]) => c === 'private-js' && d.n === 2), events);

  // unsubscribe: nothing more arrives
  alice.unsubscribe('public-js');
  console.log('READY2');
  await sleep(500);
  check('nothing-after-unsubscribe', events.length === 2, events);

  // one of two connections of bob leaves: no member_removed; the last one: member_removed
  bob2.disconnect();
  await sleep(300);
  check('no-member-removed-while-other-tab', removed.length === 0, removed);
  bob.disconnect();
  for (let i = 0; i < 30 && removed.length === 0; i++) await sleep(100);
  check('member-removed-last-tab', removed.length === 1 && removed[0] === 'bob', removed);
  check('members-after', pres.members.count === 1, pres.members.count);

  // ping/pong: pusher-js's own ping gets the server's pong
  const pong = await new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), 2000);
    alice.connection.bind('message', (m) => { if (m.event === 'pusher:pong') { clearTimeout(t); resolve(true); } });
    alice.connection.send_event('pusher:ping', {});
  });
  check('ping-pong', pong, null);

  alice.disconnect();
  mallory.disconnect();
  console.log('DONE');
  setTimeout(() => process.exit(0), 100);
}

main().catch((e) => { console.log(`CHECK script false ${JSON.stringify(String(e && e.stack || e))}`); process.exit(1); });
setTimeout(() => { console.log('CHECK timeout false null'); process.exit(2); }, 30000);
