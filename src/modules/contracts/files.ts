import 'server-only';
import { AppError } from '@/lib/errors';

export const MAX_CONTRACT_BYTES = 10 * 1024 * 1024;

/**
 * What a contract file is, told from its first bytes: PDF, DOCX (a ZIP whose name says .docx), or
 * a PNG/JPEG/WebP scan. Anything else, SVG included (it can carry script), is refused.
 */
export function sniffContractFile(bytes: Uint8Array, name: string): { type: string; ext: string } {
  if (bytes.byteLength === 0) throw new AppError('VALIDATION', 'errors.VALIDATION', { file: 'required' });
  if (bytes.byteLength > MAX_CONTRACT_BYTES) throw new AppError('VALIDATION', 'contracts.errors.fileTooLarge', { file: 'fileTooLarge' });
  const head = (n: number) => String.fromCharCode(...bytes.slice(0, n));
  if (head(5) === '%PDF-') return { type: 'application/pdf', ext: 'pdf' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 && /\.docx$/i.test(name)) {
    return { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
  }
  if (bytes[0] === 0x89 && head(4).slice(1) === 'PNG') return { type: 'image/png', ext: 'png' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { type: 'image/jpeg', ext: 'jpg' };
  if (head(4) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return { type: 'image/webp', ext: 'webp' };
  throw new AppError('VALIDATION', 'contracts.errors.fileType', { file: 'fileType' });
}

/** A download name without path parts, quotes or control characters. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/"\u0000-\u001f]/g, '_').slice(-150) || 'contract';
}
