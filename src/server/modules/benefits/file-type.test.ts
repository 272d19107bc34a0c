import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-type.js';

describe('detectFileType', () => {
  it('recognises a PDF by its header and trailer', () => {
    expect(detectFileType(Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1'))).toBe(
      'application/pdf',
    );
  });

  it('refuses a PDF header without a trailer, and text whatever it is called', () => {
    expect(detectFileType(Buffer.from('%PDF-1.4 but then nothing else at all', 'latin1'))).toBeNull();
    expect(detectFileType(Buffer.from('This is a text file, named report.pdf', 'utf8'))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });

  it('recognises PNG, JPEG and WebP signatures', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from('IHDR'),
      Buffer.alloc(13),
    ]);
    expect(detectFileType(png)).toBe('image/png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([8, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(4)]);
    expect(detectFileType(webp)).toBe('image/webp');
    // A PNG signature without its header chunk is not a PNG.
    expect(detectFileType(Buffer.concat([png.subarray(0, 8), Buffer.alloc(16)]))).toBeNull();
  });
});
