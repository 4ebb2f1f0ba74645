import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPhoto, photoFile, photoTypeOf, storedPhotoType } from './photos.js';

/** What a clinic exercise photo must be: told by its first bytes, with a sane size in pixels; and which stored names are ours. */

const webp = (width: number, height: number) => {
  const bytes = Buffer.alloc(30);
  bytes.write('RIFF', 0, 'ascii');
  bytes.writeUInt32LE(22, 4);
  bytes.write('WEBPVP8X', 8, 'ascii');
  bytes.writeUInt32LE(10, 16);
  bytes.writeUIntLE(width - 1, 24, 3);
  bytes.writeUIntLE(height - 1, 27, 3);
  return bytes;
};
const jpeg = (width: number, height: number) =>
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);

describe('clinic exercise photos', () => {
  it('tells JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect(photoTypeOf(jpeg(10, 10))).toBe('jpg');
    expect(photoTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(photoTypeOf(webp(10, 10))).toBe('webp');
    expect(photoTypeOf(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeNull();
    expect(photoTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(photoTypeOf(Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(photoTypeOf(Buffer.alloc(0))).toBeNull();
  });

  it('reads the size in pixels and refuses the absurd', () => {
    expect(checkPhoto(webp(800, 600))).toMatchObject({ type: 'webp', width: 800, height: 600 });
    expect(checkPhoto(jpeg(6000, 4000))).toMatchObject({ type: 'jpg', width: 6000, height: 4000 });
    expect(checkPhoto(jpeg(6001, 100))).toEqual({ problem: expect.stringContaining('for stort i pixels (6001 × 100)') });
    expect(checkPhoto(webp(20000, 20000))).toEqual({ problem: expect.stringContaining('for stort i pixels') });
    expect(checkPhoto(jpeg(0, 0))).toEqual({ problem: expect.stringMatching(/for lille|kunne ikke læses/) });
    expect(checkPhoto(jpeg(10, 10))).toEqual({ problem: expect.stringContaining('for lille') });
    // A PNG whose header is cut off.
    expect(checkPhoto(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ problem: expect.stringContaining('kunne ikke læses') });
    expect(checkPhoto(Buffer.concat([webp(100, 100), deflateSync(Buffer.alloc(10))]), true)).toEqual({ problem: expect.stringContaining('højst være 5 MB') });
  });

  it('uses only names it made as paths', () => {
    expect(storedPhotoType(`${'a1'.repeat(16)}.png`)).toBe('png');
    for (const name of ['../../etc/passwd', `${'a1'.repeat(16)}.png/../x`, `${'A1'.repeat(16)}.png`, `${'a1'.repeat(16)}.svg`, '.png', `${'a1'.repeat(16)}.png\n`]) {
      expect(storedPhotoType(name), name).toBeNull();
      expect(photoFile('/srv/uploads', name), name).toBeNull();
    }
    expect(photoFile('/srv/uploads', `${'0f'.repeat(16)}.webp`)).toBe(`/srv/uploads/klinik-oevelser/${'0f'.repeat(16)}.webp`);
  });
});
