import type { DocumentMediaType } from '../../../shared/benefits/lists.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The type of a file from its first bytes (its "magic"), never from the name or the type the
 * client declared: a PDF starts with `%PDF-` and ends with `%%EOF` (a trailing newline or a
 * little padding allowed); a PNG with its signature and an IHDR chunk; a JPEG with a start-of-
 * image marker; a WebP with a RIFF header of kind WEBP. Null for anything else.
 */
export function detectFileType(bytes: Buffer): DocumentMediaType | null {
  if (bytes.length >= 16 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
    return tail.includes('%%EOF') ? 'application/pdf' : null;
  }
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG) && bytes.subarray(12, 16).toString('latin1') === 'IHDR') {
    return 'image/png';
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 16 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  return null;
}
