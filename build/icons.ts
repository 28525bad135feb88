/**
 * The app's icons, in every size and format the packages need, rasterized from the one picture
 * build/icon.svg into build/generated/ (git-ignored): `tsx build/build.ts icons`, which
 * `npm run dist` runs before electron-builder. build/electron-builder.yml names these files.
 *
 * @napi-rs/canvas draws the SVG: it ships prebuilt for each platform (no system libraries to
 * install, unlike `canvas`), so the icons are made the same way on Linux, macOS and Windows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { icnsFile, icoFile, ICNS_TYPES } from './icon-containers';

export const ICON_SOURCE = 'build/icon.svg';
export const GENERATED_DIR = 'build/generated';

/** The hicolor theme sizes the Linux packages install (as NxN.png in one folder). */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Windows shows these in Explorer, the taskbar and the installer; 256 is the largest an .ico holds. */
export const WINDOWS_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

export const generatedIcons = {
  linuxDir: `${GENERATED_DIR}/icons`,
  ico: `${GENERATED_DIR}/icon.ico`,
  icns: `${GENERATED_DIR}/icon.icns`,
} as const;

/** Every generated file: the build is stale while one is missing or older than its sources. */
export function generatedIconFiles(): string[] {
  return [...LINUX_ICON_SIZES.map((size) => `${generatedIcons.linuxDir}/${size}x${size}.png`), generatedIcons.ico, generatedIcons.icns];
}

export async function buildIcons(root: string): Promise<void> {
  const { createCanvas, Image } = await import('@napi-rs/canvas');
  const svg = fs.readFileSync(path.join(root, ICON_SOURCE));
  const rendered = new Map<number, Buffer>();
  const pngOfSize = (size: number): Buffer => {
    let png = rendered.get(size);
    if (!png) {
      // The SVG is drawn at each size, not scaled down from a large bitmap: small sizes stay sharp.
      const image = new Image(size, size);
      image.src = svg;
      const canvas = createCanvas(size, size);
      canvas.getContext('2d').drawImage(image, 0, 0, size, size);
      png = canvas.toBuffer('image/png');
      rendered.set(size, png);
    }
    return png;
  };
  const sizes = new Set<number>([...LINUX_ICON_SIZES, ...WINDOWS_ICON_SIZES, ...Object.values(ICNS_TYPES)]);
  for (const size of sizes) pngOfSize(size);

  fs.mkdirSync(path.join(root, generatedIcons.linuxDir), { recursive: true });
  for (const size of LINUX_ICON_SIZES) replaceFile(path.join(root, generatedIcons.linuxDir, `${size}x${size}.png`), pngOfSize(size));
  replaceFile(path.join(root, generatedIcons.ico), icoFile(WINDOWS_ICON_SIZES.map((size) => ({ size, png: pngOfSize(size) }))));
  replaceFile(path.join(root, generatedIcons.icns), icnsFile(pngOfSize));
}

/** Written beside and renamed over: tests that build the icons in parallel never read half a file. */
function replaceFile(file: string, contents: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}
