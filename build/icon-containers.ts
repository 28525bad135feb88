/**
 * The Windows .ico and macOS .icns files, written from PNG images. Both formats hold PNG data
 * as it is, so no image library is needed, and electron-builder takes the files as they are:
 * from a plain PNG it would make them with a tool it downloads first.
 */

/** One square PNG image and its edge in pixels. */
export interface SizedPng {
  readonly size: number;
  readonly png: Buffer;
}

/**
 * An .ico of PNG entries (Windows Vista and later read them). An entry's width and height are one
 * byte each: 0 stands for 256, the largest size the format has.
 */
export function icoFile(images: readonly SizedPng[]): Buffer {
  for (const { size } of images) {
    if (size < 1 || size > 256) throw new Error(`An .ico entry must be 1 to 256 pixels wide, not ${size}`);
  }
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: an icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach(({ size, png }, index) => {
    const entry = 16 * index;
    directory.writeUInt8(size === 256 ? 0 : size, entry);
    directory.writeUInt8(size === 256 ? 0 : size, entry + 1);
    directory.writeUInt8(0, entry + 2); // no palette
    directory.writeUInt8(0, entry + 3);
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(png.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...images.map((image) => image.png)]);
}

/**
 * The .icns element types that hold PNG data, by the pixel size they hold. A size serves more
 * than one type: 32 px is both the 32 pt icon and the 16 pt one on a Retina screen (@2x).
 */
export const ICNS_TYPES: Readonly<Record<string, number>> = {
  icp4: 16,
  icp5: 32,
  ic11: 32,
  icp6: 64,
  ic12: 64,
  ic07: 128,
  ic08: 256,
  ic13: 256,
  ic09: 512,
  ic14: 512,
  ic10: 1024,
};

/** An .icns with one PNG element per type of ICNS_TYPES; `pngOfSize` must have each size. */
export function icnsFile(pngOfSize: (size: number) => Buffer): Buffer {
  const elements = Object.entries(ICNS_TYPES).map(([type, size]) => {
    const png = pngOfSize(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4); // an element's length counts its own header
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + elements.reduce((sum, element) => sum + element.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}
