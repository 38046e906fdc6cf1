// The client's address for the app: the TCP peer, or what a trusted proxy says it forwarded.
//
// Any client can send `X-Forwarded-For`, and Next passes a client's header on untouched (it only
// fills it in when absent). Rate limits and sign-in throttling key on the address that better-auth
// reads from that header, so the server in front of Next (scripts/serve.mjs) replaces it on every
// request with one address it has checked: the socket's peer, unless the peer is one of the
// proxies named in TRUSTED_PROXIES; then the forwarded chain is walked from the right, past the
// trusted hops, to the first address a trusted proxy vouches for.
//
// Plain JavaScript: it runs in the Next server process, which loads no TypeScript.
import net from 'node:net';

/** Headers through which a client could name an address; none of them reaches the app as sent. */
export const ADDRESS_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'];

/** `::ffff:203.0.113.7` (an IPv4 peer on a dual-stack socket) → `203.0.113.7`. */
export function normalizeAddress(address) {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed.toLowerCase();
}

/**
 * Reads TRUSTED_PROXIES: addresses and CIDR ranges separated by commas or spaces, e.g.
 * `127.0.0.1, 10.0.0.0/8, fd00::/8`. Answers null when unset or empty (trust no proxy) and throws
 * on an entry that is neither, so a typo stops the start instead of trusting the wrong hosts.
 */
export function parseTrustedProxies(value) {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = net.isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : /^\d+$/.test(prefix) ? Number(prefix) : Number.NaN;
    if (!family || extra !== undefined || !(bits >= 0 && bits <= (family === 6 ? 128 : 32))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(normalizeAddress(address), bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

function isTrusted(address, trusted) {
  const family = net.isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address. Without trusted proxies, or from a peer that is not one, the peer itself.
 * From a trusted peer, the rightmost address of `X-Forwarded-For` that is not a trusted proxy
 * (entries further left were written by whoever the untrusted hop was, so they prove nothing);
 * when the chain is all trusted proxies, its leftmost; a malformed entry ends the walk at the
 * trusted hop to its right.
 */
export function clientAddress(peer, forwardedFor, trusted) {
  const socketAddress = normalizeAddress(peer ?? '');
  if (!trusted || !isTrusted(socketAddress, trusted)) return socketAddress || null;
  const chain = (forwardedFor ?? '').split(',').map((a) => normalizeAddress(a)).filter(Boolean);
  let client = socketAddress;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i];
    if (!net.isIP(hop)) break;
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return client;
}

/** Replaces the address headers of a request with the one address `clientAddress` finds. */
export function setClientAddress(req, trusted) {
  const forwarded = req.headers['x-forwarded-for'];
  const chain = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
  for (const header of ADDRESS_HEADERS) delete req.headers[header];
  const client = clientAddress(req.socket.remoteAddress, chain, trusted);
  if (client) req.headers['x-forwarded-for'] = client;
}

/** Wraps a Node request listener so that it only ever sees a checked client address. */
export function withClientAddress(listener, trusted) {
  return (req, res) => {
    setClientAddress(req, trusted);
    return listener(req, res);
  };
}
