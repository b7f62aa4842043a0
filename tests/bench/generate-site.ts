// Generates a Hugo site of N event-recap posts as page bundles, for the bench. Deterministic,
// so two runs measure the same thing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = 'driftwood summit lanternfish keynote booth speaker workshop recap cloud tide harbor lantern stream deploy canary rollout metrics panel community sticker coffee demo'.split(' ');

function pick(i: number, n: number): string[] {
  return Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]);
}

export function postText(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  const title = `Recap ${i}: ${pick(i, 3).join(' ')}`;
  const body = Array.from({ length: 6 }, (_, p) => `${pick(i + p, 40).join(' ')}.`).join('\n\n');
  return `---\ntitle: "${title}"\ndescription: "Notes from session ${i} at the Driftwood Summit"\ndate: 2025-${month}-${day}T10:00:00\ndraft: ${i % 10 === 0}\ntags:\n  - ${pick(i, 1)[0]}\n  - recap\n---\n\n## Session ${i}\n\n${body}\n\n{{< figure src="photo.png" alt="Stage" >}}\n`;
}

export function generateSite(root: string, count: number): string {
  mkdirSync(join(root, 'content', 'blog'), { recursive: true });
  writeFileSync(join(root, 'hugo.toml'), 'title = "Bench"\nbaseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  for (let i = 0; i < count; i++) {
    const dir = join(root, 'content', 'blog', `post-${String(i).padStart(5, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.md'), postText(i));
  }
  return root;
}
