// Loads the front-matter tools (form, parser) on demand and once; `useFrontMatterTools` gives
// them to a component as soon as they are there.
import { useEffect, useState } from 'react';

export type FrontMatterTools = typeof import('./front-matter-tools-impl');

let loading: Promise<FrontMatterTools> | null = null;
let loaded: FrontMatterTools | null = null;

export function loadFrontMatterTools(): Promise<FrontMatterTools> {
  // A failed load (the host went away for a moment) is not kept: the next call tries again.
  loading ??= import('./front-matter-tools-impl').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The tools if already loaded (for code that must not wait, e.g. while typing). */
export function frontMatterToolsNow(): FrontMatterTools | null {
  return loaded;
}

export function useFrontMatterTools(): FrontMatterTools | null {
  const [tools, setTools] = useState<FrontMatterTools | null>(loaded);
  const [failed, setFailed] = useState<Error | null>(null);
  useEffect(() => {
    if (tools) return;
    let live = true;
    loadFrontMatterTools().then(
      (t) => live && setTools(t),
      (e: unknown) => live && setFailed(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [tools]);
  // Not a blank pane: the region's error boundary says so and offers to reload the post.
  if (failed) throw new Error(`The form's code could not be loaded: ${failed.message}`);
  return tools;
}
