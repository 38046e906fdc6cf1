import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 8;

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id, a const enum that isolated modules cannot read */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Passwords people pick most often, worldwide and in Turkey; refused whatever their length.
const TURKISH_COMMON = [
  'sifre123', 'şifre123', 'parola123', 'sifre1234', 'parola1234', '12345678a', 'galatasaray',
  'fenerbahce', 'besiktas', 'trabzonspor', 'istanbul', 'ankara06', 'izmir35', 'istanbul34',
  'türkiye', 'turkiye1', 'qwertyui', 'asdfghjk', 'tezgah123', 'password1',
];
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set([
    ...(dictionary['passwords-common'] as string[]).slice(0, 20000).map((p) => p.toLowerCase()),
    ...TURKISH_COMMON,
  ]);
  return common;
}

/** True for a password on the common-passwords list (compared case-insensitively). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLocaleLowerCase('tr'));
}
