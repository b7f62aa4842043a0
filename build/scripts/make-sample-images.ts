// Draws the sample site's pictures (content/) with sharp from small SVG scenes, so the repo
// ships images made by the project rather than photos taken from somewhere. Run once with
// `npx tsx build/scripts/make-sample-images.ts`; the results are committed. Each stays small
// (< 30 KB). One JPEG carries GPS data, as phone photos do, so the gallery's stripping can be
// tried on the sample.
import sharp from 'sharp';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content');

interface Picture {
  file: string;
  caption: string;
  sky: string;
  ground: string;
  shapes: string;
  gps?: boolean;
}

const W = 640;
const H = 400;

function scene(p: Picture): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <rect width="${W}" height="${H}" fill="${p.sky}"/>
  <rect y="${H * 0.62}" width="${W}" height="${H * 0.38}" fill="${p.ground}"/>
  ${p.shapes}
  <rect x="0" y="${H - 44}" width="${W}" height="44" fill="#000" fill-opacity="0.45"/>
  <text x="16" y="${H - 16}" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#fff">${p.caption}</text>
</svg>`;
}

const lantern = (x: number, y: number, s = 1) =>
  `<g transform="translate(${x} ${y}) scale(${s})"><rect x="-6" y="-70" width="12" height="14" fill="#333"/><rect x="-26" y="-56" width="52" height="80" rx="12" fill="#f4b942"/><rect x="-26" y="24" width="52" height="10" fill="#333"/></g>`;
const person = (x: number, y: number, c: string) =>
  `<g transform="translate(${x} ${y})"><circle cy="-62" r="14" fill="#e8c4a0"/><rect x="-16" y="-46" width="32" height="50" rx="10" fill="${c}"/></g>`;
const people = (xs: number[], y: number, colors: string[]) => xs.map((x, i) => person(x, y, colors[i % colors.length])).join('');

const pictures: Picture[] = [
  {
    file: 'content/blog/driftwood-summit-2025-recap/booth.png',
    caption: 'The Lanternfish Labs booth, day one',
    sky: '#cfe3ea', ground: '#8a6f4e',
    shapes: `<rect x="160" y="90" width="320" height="170" fill="#0f6c7a"/><text x="320" y="150" text-anchor="middle" font-family="DejaVu Sans" font-size="30" fill="#fff">Lanternfish Labs</text>${lantern(320, 230, 0.8)}<rect x="140" y="250" width="360" height="40" fill="#5b4632"/>`,
  },
  {
    file: 'static/images/blog/2025/driftwood-summit-2025-recap/photo-1.png',
    caption: 'Keynote at the old cannery',
    sky: '#2b2d42', ground: '#4a4e69',
    shapes: `<rect x="120" y="60" width="400" height="180" fill="#edf2f4"/><text x="320" y="160" text-anchor="middle" font-family="DejaVu Sans" font-size="34" fill="#2b2d42">Driftwood Summit 2025</text>${people([90, 170, 250, 330, 410, 490, 570], 330, ['#ef233c', '#8d99ae', '#f4b942'])}`,
  },
  {
    file: 'static/images/blog/2025/driftwood-summit-2025-recap/photo-2.png',
    caption: 'The pier after the closing party',
    sky: '#f6bd60', ground: '#3d5a80',
    shapes: `<circle cx="480" cy="200" r="60" fill="#f28482"/><rect x="60" y="230" width="300" height="16" fill="#6b4f3a"/>${[80, 140, 200, 260, 320].map((x) => `<rect x="${x}" y="246" width="10" height="60" fill="#6b4f3a"/>`).join('')}`,
  },
  {
    file: 'static/images/lanternfish-logo.png',
    caption: 'Lanternfish Labs',
    sky: '#0f6c7a', ground: '#0b4f59',
    shapes: lantern(320, 200, 1.6),
  },
  {
    file: 'content/blog/talks-we-loved/stage.jpg',
    caption: 'The main stage',
    sky: '#1b263b', ground: '#415a77',
    shapes: `<rect x="80" y="80" width="480" height="160" fill="#e0e1dd"/>${person(320, 300, '#ef476f')}<rect x="300" y="250" width="40" height="60" fill="#778da9"/>`,
  },
  {
    file: 'content/blog/booth-notes/crowd.jpg',
    caption: 'Visitors at the demo table',
    sky: '#d8e2dc', ground: '#9d8189',
    shapes: `<rect x="180" y="200" width="280" height="60" fill="#5e548e"/>${people([120, 200, 280, 360, 440, 520], 300, ['#ffcad4', '#f4acb7', '#0f6c7a'])}`,
  },
  {
    file: 'content/blog/call-for-speakers/speakers.png',
    caption: 'Speak at Driftwood Summit 2026',
    sky: '#ffe8d6', ground: '#cb997e',
    shapes: `<rect x="200" y="120" width="240" height="120" rx="16" fill="#6b705c"/><text x="320" y="195" text-anchor="middle" font-family="DejaVu Sans" font-size="36" fill="#fff">CFP</text>`,
  },
  {
    file: 'content/blog/hallway-track-lessons/hallway.jpg',
    caption: 'The hallway track',
    sky: '#e9edc9', ground: '#a3b18a',
    shapes: people([150, 210, 420, 480], 300, ['#588157', '#3a5a40', '#bc6c25']),
  },
  {
    file: 'content/blog/volunteer-thank-you/volunteers.jpg',
    caption: 'Volunteers on the cannery steps',
    sky: '#bde0fe', ground: '#adb5bd',
    shapes: people([100, 170, 240, 310, 380, 450, 520], 300, ['#fb8500']),
  },
  {
    file: 'content/blog/travel-tips-port-alder/ferry.jpg',
    caption: 'The 07:10 ferry',
    sky: '#a2d2ff', ground: '#1d3557',
    shapes: `<polygon points="180,230 460,230 430,280 210,280" fill="#f1faee"/><rect x="260" y="190" width="120" height="40" fill="#e63946"/>`,
    gps: true,
  },
];

for (const p of pictures) {
  const out = join(site, p.file);
  await mkdir(dirname(out), { recursive: true });
  let img = sharp(Buffer.from(scene(p)));
  if (out.endsWith('.png')) {
    img = img.png({ palette: true, colours: 48, compressionLevel: 9 });
  } else {
    if (p.gps) {
      img = img.withExif({
        IFD0: { Make: 'Lanternfish', Model: 'Sample Phone' },
        // An invented spot in the sea: the sample's "Port Alder" does not exist.
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 36/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '124/1 48/1 0/1' },
      });
    }
    img = img.jpeg({ quality: 70, mozjpeg: true });
  }
  const info = await img.toFile(out);
  console.log(`${p.file} ${info.size} bytes`);
}
