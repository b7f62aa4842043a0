// The editor engine without a window, for the CLI, tests and the bench: the same Milkdown setup,
// created once on a jsdom document, whose parser and serializer are reused for many files.
// Node-only callers install jsdom globals first with `installDom` (electron/cli/install-dom.ts).
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { createMilkdown } from './create-milkdown';
import type { MarkdownCore, ParsedBody } from './markdown-core';
import { saveBody, takeSnapshot, type SourceSnapshot } from './source-save';

export interface OpenedBody {
  parsed: ParsedBody;
  snapshot: SourceSnapshot;
  /** Source-preserving save of `doc` (defaults to the document as opened). */
  save(doc?: PmNode): string;
}

export interface HeadlessEngine {
  core: MarkdownCore;
  open(body: string): OpenedBody;
  destroy(): Promise<void>;
}

export async function createHeadlessEngine(doc: Document): Promise<HeadlessEngine> {
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  const { editor, core } = await createMilkdown(root, '', [], false);
  return {
    core,
    open(body) {
      const parsed = core.parse(body);
      const snapshot = takeSnapshot(body, parsed.doc, parsed.ranges);
      return {
        parsed,
        snapshot,
        save: (d = parsed.doc) => (parsed.unsafeReason ? body : saveBody(snapshot, d, core)),
      };
    },
    destroy: async () => {
      await editor.destroy();
      root.remove();
    },
  };
}
