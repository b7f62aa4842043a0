// Renders every icon size from the one source, build/icon.svg: build/icon.png (1024 px, what
// electron-builder turns into .icns and .ico) and build/icons/<n>x<n>.png for Linux desktops.
// Run `npx tsx build/scripts/make-icons.ts` after changing the SVG; the PNGs are committed.
import sharp from 'sharp';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const buildDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = await readFile(join(buildDir, 'icon.svg'));
await mkdir(join(buildDir, 'icons'), { recursive: true });
await sharp(svg, { density: 288 }).resize(1024, 1024).png({ compressionLevel: 9 }).toFile(join(buildDir, 'icon.png'));
for (const size of ICON_SIZES) {
  await sharp(svg, { density: 288 }).resize(size, size).png({ compressionLevel: 9 }).toFile(join(buildDir, 'icons', `${size}x${size}.png`));
}
console.log(`icon.png and ${ICON_SIZES.length} sizes written to ${join(buildDir, 'icons')}`);
