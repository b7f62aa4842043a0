// Node views (cards) for verbatim nodes and shortcodes, plus their dialog and insert menu.
import type { MilkdownPlugin } from '@milkdown/kit/ctx';
import type { PostEditorOptions } from '../types';

export interface EditorViews {
  plugins: MilkdownPlugin[];
  destroy(): void;
}

export function editorViews(_opts: PostEditorOptions): EditorViews {
  return { plugins: [], destroy: () => {} };
}
