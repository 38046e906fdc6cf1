import type { BlockList } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

export const ADDRESS_HEADERS: readonly string[];
export function normalizeAddress(address: string): string;
export function parseTrustedProxies(value: string | undefined): BlockList | null;
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: BlockList | null): string | null;
export function setClientAddress(req: IncomingMessage, trusted: BlockList | null): void;
export function withClientAddress(listener: Listener, trusted: BlockList | null): Listener;
