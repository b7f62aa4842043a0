// A post whose start opened fine but whose rest turns out not to be mappable (simulated: the
// parser never does this on the corpus): the editor turns read-only with the reason, and an
// edit made to the start before that is kept and written with the rest exactly as on disk.
import { afterEach, expect, it, vi } from 'vitest';
import { installDom } from '../../../electron/cli/install-dom';
import { createPostEditor } from '../../../renderer/editor/post-editor';
import type { PostEditorHandle } from '../../../renderer/editor/types';
import { recapBody } from '../../bench/ui/generate-posts';
import { changedLines } from './helpers';

vi.mock('../../../engine/progressive-open', async (original) => {
  const real = await original<typeof import('../../../engine/progressive-open')>();
  // The rest, once read, cannot be mapped to its source (as when the parser meets something the
  // editor's schema cannot hold): what loadRest then reports.
  const unmappable = { nodes: [], ranges: [], unsafeReason: 'The editor made 3 blocks out of the 4 in the file.' };
  return {
    ...real,
    loadRest: (_core: unknown, _body: string, _first: unknown, done: (rest: typeof unmappable) => void) => {
      let over = false;
      const end = () => {
        if (!over) done(unmappable);
        over = true;
      };
      setTimeout(end, 0);
      return { cancel: () => (over = true), finish: end };
    },
  };
});

const dom = installDom();
let handle: PostEditorHandle | null = null;
afterEach(() => {
  handle?.destroy();
  handle = null;
});

it('turns read-only when the rest cannot be mapped, keeping an edit to the start and the rest as it was', async () => {
  const body = `Opening words of the recap.\n\n${recapBody(20_000, 9)}`;
  const root = dom.createElement('div');
  dom.body.append(root);
  let changes = 0;
  handle = await createPostEditor({ root, body, postPath: 'blog/recap/index.md', assetUrl: (p) => `/asset/${p}`, onChange: () => changes++ });
  const h = handle;
  expect(h.unsafeReason).toBeNull();
  // Replacing reads the rest first: it cannot be mapped, so nothing is replaced.
  expect(h.integration!.replaceLiteral('Opening words of the recap.', 'Opening words, edited.')).toBe(0);
  await h.whenLoaded;
  expect(h.unsafeReason).toMatch(/3 blocks out of the 4/);
  expect(root.querySelector('[contenteditable="false"]')).not.toBeNull();
  expect(h.getBody()).toBe(body);
  expect(changes).toBeGreaterThan(0);
});

it('keeps an edit made before the rest was found unmappable, with the rest exactly as on disk', async () => {
  const body = `Opening words of the recap.\n\n${recapBody(20_000, 9)}`;
  const root = dom.createElement('div');
  dom.body.append(root);
  handle = await createPostEditor({ root, body, postPath: 'blog/recap/index.md', assetUrl: (p) => `/asset/${p}` });
  const h = handle;
  h.commands.setHeading(2); // the cursor is in the first paragraph
  const early = h.getBody();
  expect(changedLines(body, early)).toEqual({ removed: ['Opening words of the recap.'], added: ['## Opening words of the recap.'] });
  await h.whenLoaded;
  expect(h.unsafeReason).toMatch(/3 blocks out of the 4/);
  expect(h.getBody()).toBe(early);
  expect(h.isDirty()).toBe(true);
});
