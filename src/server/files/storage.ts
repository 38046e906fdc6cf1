import 'server-only';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { resolveDataDir } from '../db/embedded';
import { AppError } from '../../lib/errors';

/** Image types we accept for logos, told apart by their first bytes rather than by the name. */
const IMAGE_SIGNATURES: { type: string; ext: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', ext: 'png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/webp',
    ext: 'webp',
    test: (b) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP',
  },
];

export const MAX_LOGO_BYTES = 1024 * 1024;

/**
 * The image type of these bytes, or a VALIDATION error naming the field. SVG is refused on
 * purpose: it can carry script.
 */
export function sniffImage(bytes: Uint8Array, field: string): { type: string; ext: string } {
  if (bytes.byteLength === 0) throw new AppError('VALIDATION', 'errors.VALIDATION', { [field]: 'required' });
  if (bytes.byteLength > MAX_LOGO_BYTES) throw new AppError('VALIDATION', 'errors.VALIDATION', { [field]: 'fileTooLarge' });
  const match = IMAGE_SIGNATURES.find((s) => s.test(bytes));
  if (!match) throw new AppError('VALIDATION', 'errors.VALIDATION', { [field]: 'imageType' });
  return { type: match.type, ext: match.ext };
}

export function filesRoot(): string {
  return path.join(resolveDataDir(), 'files');
}

function businessDir(businessId: string): string {
  // businessId is a UUID from our own database, never user input, so it cannot escape the root.
  return path.join(filesRoot(), businessId);
}

/** Writes a business's file atomically (temp file + rename); returns its path relative to the root. */
export async function saveBusinessFile(businessId: string, name: string, bytes: Uint8Array): Promise<string> {
  const dir = businessDir(businessId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, name);
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, bytes, { mode: 0o600 });
  await rename(temp, target);
  return path.join(businessId, name);
}

export async function readBusinessFile(relativePath: string): Promise<Buffer | null> {
  const full = path.resolve(filesRoot(), relativePath);
  if (!full.startsWith(filesRoot() + path.sep)) return null;
  try {
    return await readFile(full);
  } catch {
    return null;
  }
}

export async function removeBusinessFile(relativePath: string | null): Promise<void> {
  if (!relativePath) return;
  const full = path.resolve(filesRoot(), relativePath);
  if (full.startsWith(filesRoot() + path.sep)) await rm(full, { force: true });
}

/** Removes every file of a business (its deletion, or a KVKK erasure of the whole tenant). */
export async function removeBusinessFiles(businessId: string): Promise<void> {
  await rm(businessDir(businessId), { recursive: true, force: true });
}

export function contentTypeOf(relativePath: string): string {
  return IMAGE_SIGNATURES.find((s) => relativePath.endsWith(`.${s.ext}`))?.type ?? 'application/octet-stream';
}
