// Loaded with `node -r` in front of tools that phone home (Electronegativity fetches translations and
// Electron's release list): every DNS lookup fails at once, so nothing leaves this machine.
const dns = require('node:dns');
const refuse = (hostname, options, callback) => {
  const cb = typeof options === 'function' ? options : callback;
  process.nextTick(() => cb(Object.assign(new Error(`offline: lookup of ${hostname} refused`), { code: 'ENOTFOUND' })));
};
dns.lookup = refuse;
dns.promises.lookup = async (hostname) => {
  throw Object.assign(new Error(`offline: lookup of ${hostname} refused`), { code: 'ENOTFOUND' });
};
