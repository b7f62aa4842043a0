// Builds small Hugo sites in temp folders for tests: real files, removed afterwards.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempSite {
  root: string;
  write(rel: string, content: string | Uint8Array): string;
  remove(): void;
}

export function makeTempSite(files: Record<string, string | Uint8Array> = {}, withConfig = true): TempSite {
  const root = mkdtempSync(join(tmpdir(), 'postwright-site-'));
  const site: TempSite = {
    root,
    write(rel, content) {
      const abs = join(root, rel);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  if (withConfig) site.write('hugo.toml', 'title = "Driftwood Test Site"\nbaseURL = "/"\n');
  mkdirSync(join(root, 'content'), { recursive: true });
  for (const [rel, content] of Object.entries(files)) site.write(rel, content);
  return site;
}
