/**
 * The icons `tsx build/build.ts icons` draws from build/icon.svg: each size really drawn (not
 * blank), and the .ico and .icns laid out as Windows and macOS read them, every entry a PNG of
 * the size its entry says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedIcons } from '../../../build/icons';
import { ensureIcons } from '../../support/packaging';
import { repoRoot } from '../../support/temp';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

beforeAll(() => ensureIcons(), 60_000);

describe('the generated icons', () => {
  it('draw the picture at every Linux size: opaque in the middle, transparent in the rounded corner', async () => {
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = fs.readFileSync(path.join(repoRoot, generatedIcons.linuxDir, `${size}x${size}.png`));
      expect(pngSize(png)).toEqual({ width: size, height: size });
      const canvas = createCanvas(size, size);
      const context = canvas.getContext('2d');
      context.drawImage(await loadImage(png), 0, 0);
      const alphaAt = (x: number, y: number) => context.getImageData(x, y, 1, 1).data[3];
      expect(alphaAt(Math.floor(size / 2), Math.floor(size / 2)), `${size} px, middle`).toBe(255);
      expect(alphaAt(0, 0), `${size} px, corner`).toBe(0);
    }
  });

  it('make an .ico of PNG entries from 16 to 256 px, each the size its directory entry says', () => {
    const ico = fs.readFileSync(path.join(repoRoot, generatedIcons.ico));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let index = 0; index < count; index++) {
      const entry = 6 + 16 * index;
      const size = ico.readUInt8(entry) || 256;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(pngSize(png)).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('make an .icns of PNG elements up to 1024 px, each the size its type stands for', () => {
    const icns = fs.readFileSync(path.join(repoRoot, generatedIcons.icns));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Record<string, number> = {};
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      const type = icns.toString('latin1', offset, offset + 4);
      found[type] = pngSize(icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4))).width;
    }
    // Each point size at 1x and 2x (Retina), as macOS's own iconutil makes them.
    expect(found).toEqual({ icp4: 16, icp5: 32, ic11: 32, icp6: 64, ic12: 64, ic07: 128, ic08: 256, ic13: 256, ic09: 512, ic14: 512, ic10: 1024 });
  });
});
