/**
 * The client address the app's rate limits key on comes from the socket, not from a header the
 * client writes: better-auth's real handler behind the same request wrapper that scripts/serve.mjs
 * puts in front of Next, over real HTTP, against the real database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from 'better-auth/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/server/db/client';
import { appUrl, getAuth } from '@/server/auth/auth';
import { clientAddress, parseTrustedProxies, withClientAddress } from '../scripts/client-address.mjs';

type Served = { port: number; close(): Promise<void> };

async function serve(listener: http.RequestListener): Promise<Served> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A fresh loopback address per test (Linux answers for all of 127/8), so tests share no limits. */
const loopback = () => `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

function post(port: number, from: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, localAddress: from, method: 'POST', path, headers: { 'content-type': 'application/json', origin: appUrl(), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const rotated = (i: number) => `198.51.100.${i + 1}`;

let authServer: Served;
let trustingServer: Served;
let echoServer: Served;
let trustedPeer: string;

beforeAll(async () => {
  trustedPeer = loopback();
  authServer = await serve(withClientAddress(toNodeHandler(getAuth()), parseTrustedProxies(undefined)));
  trustingServer = await serve(withClientAddress(toNodeHandler(getAuth()), parseTrustedProxies(`${trustedPeer}, 10.0.0.0/8`)));
  echoServer = await serve(
    withClientAddress((req, res) => res.end(JSON.stringify([req.headers['x-forwarded-for'], req.headers['x-real-ip'] ?? null])), parseTrustedProxies(trustedPeer)),
  );
});

afterAll(async () => {
  await Promise.all([authServer.close(), trustingServer.close(), echoServer.close()]);
  await closeDb();
});

describe('client address', () => {
  it('limits 40 wrong sign-ins across accounts from one client however it rotates X-Forwarded-For', async () => {
    const from = loopback();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await post(authServer.port, from, '/api/auth/sign-in/email', { email: `yok-${i}-${from}@example.test`, password: `yanlis-${i}-parola` }, { 'x-forwarded-for': rotated(i) });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
  });

  it('takes the forwarded address only from a peer named in TRUSTED_PROXIES', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await post(trustingServer.port, trustedPeer, '/api/auth/sign-in/email', { email: `yok-${i}-${trustedPeer}@example.test`, password: `yanlis-${i}-parola` }, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      statuses.push(res.status);
    }
    // Forty distinct clients behind the proxy, one wrong password each: none of them is limited.
    expect(statuses.every((s) => s === 401)).toBe(true);
  });

  it('hands the app one checked address and drops the other address headers', async () => {
    const other = loopback();
    const seen = async (from: string, headers: Record<string, string>) => JSON.parse((await post(echoServer.port, from, '/', {}, headers)).text) as unknown;
    expect(await seen(other, { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.10' })).toEqual([other, null]);
    expect(await seen(trustedPeer, { 'x-forwarded-for': '203.0.113.9, 192.0.2.1', 'x-real-ip': '203.0.113.10' })).toEqual(['192.0.2.1', null]);
    expect(await seen(trustedPeer, {})).toEqual([trustedPeer, null]);
  });

  it('walks the forwarded chain from the right past trusted proxies only', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8 fd00::/8,192.0.2.1');
    expect(clientAddress('::ffff:10.1.2.3', '203.0.113.5, 10.9.9.9', trusted)).toBe('203.0.113.5');
    expect(clientAddress('10.1.2.3', '6.6.6.6, 203.0.113.5, 192.0.2.1', trusted)).toBe('203.0.113.5');
    expect(clientAddress('fd00::1', '2001:db8::7', trusted)).toBe('2001:db8::7');
    expect(clientAddress('10.1.2.3', '10.2.2.2, 10.3.3.3', trusted)).toBe('10.2.2.2');
    expect(clientAddress('10.1.2.3', 'not-an-address, 10.3.3.3', trusted)).toBe('10.3.3.3');
    expect(clientAddress('10.1.2.3', undefined, trusted)).toBe('10.1.2.3');
    expect(clientAddress('203.0.113.77', '10.3.3.3', trusted)).toBe('203.0.113.77');
    expect(clientAddress('::ffff:203.0.113.77', '1.1.1.1', null)).toBe('203.0.113.77');
    expect(parseTrustedProxies('  ')).toBeNull();
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies('proxy.example')).toThrow(/TRUSTED_PROXIES/);
  });
});
