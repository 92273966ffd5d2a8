// The proof's realtime client (part 30): an unmodified pusher-js (its Node build) connected to one Pusher-protocol
// server, subscribed to public channels; prints "READY" once subscribed, then one line per event:
// "EVENT <channel> <event> <JSON data>". Stops on stdin's end or after the given seconds.
//   node listen.mjs <host> <wsPort> <key> <seconds> <channel>...
import Pusher from 'pusher-js';

const [host, port, key, seconds, ...channels] = process.argv.slice(2);
const pusher = new Pusher(key, {
  wsHost: host, wsPort: Number(port), forceTLS: false, enabledTransports: ['ws'], cluster: 'local',
  disableStats: true,
});
let pending = channels.length;
for (const name of channels) {
  const channel = pusher.subscribe(name);
  channel.bind('pusher:subscription_succeeded', () => { if (--pending === 0) console.log('READY'); });
  channel.bind_global((event, data) => {
    if (!event.startsWith('pusher:')) console.log(`EVENT ${name} ${event} ${JSON.stringify(data)}`);
  });
}
const stop = () => { pusher.disconnect(); process.exit(0); };
setTimeout(stop, Number(seconds) * 1000);
process.stdin.on('end', stop);
process.stdin.resume();
