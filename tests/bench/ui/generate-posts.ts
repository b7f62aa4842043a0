// Generates the two posts the UI bench opens: a ~12 KB post and a ~1 MB event recap (many
// headings, lists, links, Hugo shortcodes), both written as page bundles into a copy of the
// sample site. Deterministic, so every run and the peer page edit the same text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Text the bench looks for: the first paragraph (open is done) and the middle one (typing). */
export const FIRST_MARKER = 'Opening note of the bench post';
export const MIDDLE_MARKER = 'Middle paragraph where the bench types';

export interface BenchPost {
  /** Content-relative path, as the app lists it. */
  path: string;
  title: string;
  /** The body (what the editor shows), without front matter. */
  body: string;
  bytes: number;
}

const SPEAKERS = ['Maren Okafor', 'Ines Moreau', 'Tobias Lindqvist', 'Priya Raman', 'Kofi Mensah', 'Hana Sato', 'Lucía Ferrer', 'Olek Nowak'];
const TOPICS = ['tide tables', 'static sites', 'offline maps', 'harbour sensors', 'kelp farming data', 'ferry timetables', 'lighthouse logs', 'cannery archives'];

/** Deterministic pseudo-random numbers (mulberry32), so the posts are the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function talk(i: number, r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const who = pick(SPEAKERS);
  const topic = pick(TOPICS);
  const slug = topic.replace(/\s+/g, '-');
  const parts = [
    `## Talk ${i}: ${who} on ${topic}`,
    `${who} opened with a question about **${topic}** that nobody at Lanternfish Labs could answer, then spent forty minutes answering it. The slides are [on the summit site](https://driftwood.example/talks/${i}) and the notes are in the [shared folder](https://driftwood.example/notes/${slug}-${i}).`,
    `{{< figure src="talk-${i}.png" alt="${who} on stage at the cannery, talking about ${topic}" >}}`,
    `What we took home:`,
    `- Start with the data you already have, even if it lives in a *spreadsheet*.\n- Keep a \`changelog.md\` next to every export.\n- Ask the harbour master before you mount anything on a pier.\n- Write the [runbook](https://driftwood.example/runbooks/${i}) before the outage, not during it.`,
    `### Questions from the floor`,
    `1. How often do the sensors report? Every ten minutes, unless the tide is turning.\n2. Who owns the archive? The town, with a copy at the library.\n3. Can we reuse the maps? Yes, under the same licence as the talk.`,
    `> "If you can read it offline on a ferry, it will work anywhere." — ${who}`,
    `{{< youtube abc${i} >}}`,
    `The hallway track after this talk ran long: people from ${pick(TOPICS)} and ${pick(TOPICS)} compared notes until the caterers from Port Alder brought the soup. Next year we want a longer slot for this and a quieter room, because the cannery's east hall echoes.`,
  ];
  return parts.join('\n\n');
}

/** A body of about `targetBytes`, with the middle marker paragraph halfway through. */
export function recapBody(targetBytes: number, seed = 7): string {
  const r = rng(seed);
  const intro = `${FIRST_MARKER}: Driftwood Summit took over the old cannery for three days. This recap lists every talk, with links to slides and recordings.`;
  const talks: string[] = [];
  let size = intro.length;
  for (let i = 1; size < targetBytes; i++) {
    const t = talk(i, r);
    talks.push(t);
    size += t.length + 2;
  }
  const middle = `${MIDDLE_MARKER}, between two talks, so that typing happens with as much text above as below.`;
  talks.splice(Math.floor(talks.length / 2), 0, middle);
  return `${intro}\n\n${talks.join('\n\n')}\n`;
}

/** A 1×1 PNG: the bundle holds every image its figures name, as a real recap's bundle does. */
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function writeBundle(contentDir: string, slug: string, title: string, date: string, body: string): BenchPost {
  const dir = join(contentDir, 'blog', slug);
  mkdirSync(dir, { recursive: true });
  for (const m of body.matchAll(/src="(talk-\d+\.png)"/g)) writeFileSync(join(dir, m[1]), PIXEL_PNG);
  const raw = `---\ntitle: "${title}"\ndate: ${date}\ndraft: false\ntags: ["Driftwood Summit", "Bench"]\n---\n\n${body}`;
  writeFileSync(join(dir, 'index.md'), raw);
  return { path: `blog/${slug}/index.md`, title, body: `\n${body}`, bytes: Buffer.byteLength(raw) };
}

/** Writes both bench posts into `contentDir` (a copy of the sample site's content folder). */
export function writeBenchPosts(contentDir: string): { small: BenchPost; large: BenchPost } {
  return {
    small: writeBundle(contentDir, 'bench-12kb-notes', 'Bench Twelve Kilobyte Notes', '2019-01-02T10:00:00Z', recapBody(12 * 1024, 3)),
    large: writeBundle(contentDir, 'bench-1mb-recap', 'Bench Driftwood Summit Full Recap', '2019-01-01T10:00:00Z', recapBody(1024 * 1024, 7)),
  };
}
