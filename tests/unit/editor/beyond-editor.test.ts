// Hostile text the editor would freeze on gets a plain message before any parsing, and real
// posts never do.
import { describe, expect, it } from 'vitest';
import { beyondEditor } from '../../../engine/beyond-editor';
import { installDom } from '../../../electron/cli/install-dom';
import { createPostEditor } from '../../../renderer/editor/post-editor';
import { recapBody } from '../../bench/ui/generate-posts';
import { fixture } from './helpers';

const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');

describe('text beyond the editor', () => {
  it('is lists nested hundreds of levels deep, or a line of a million characters', () => {
    expect(beyondEditor(nested(3000))).toMatch(/nested hundreds of levels deep/);
    expect(beyondEditor(`${'word '.repeat(300_000)}\n`)).toMatch(/more than a million characters/);
  });

  it('is never an ordinary post, a long recap, deep code indentation or a long line', () => {
    for (const body of [fixture('lists.md'), fixture('blocks.md'), recapBody(1_000_000), nested(100), `${' '.repeat(600)}not a list item\n`, 'x'.repeat(999_999)]) {
      expect(beyondEditor(body)).toBeNull();
    }
  });

  it('makes the editor refuse to open, saying why in plain words', async () => {
    const dom = installDom();
    const root = dom.createElement('div');
    await expect(createPostEditor({ root, body: nested(3000), postPath: 'deep/index.md', assetUrl: (p) => p })).rejects.toThrow(
      /^its lists are nested hundreds of levels deep\. Open it in a text editor/,
    );
  });
});
