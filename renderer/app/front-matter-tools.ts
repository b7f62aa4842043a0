// Loads the front-matter tools (form, parser) on demand and once; `useFrontMatterTools` gives
// them to a component as soon as they are there.
import { useEffect, useState } from 'react';

export type FrontMatterTools = typeof import('./front-matter-tools-impl');

let loading: Promise<FrontMatterTools> | null = null;
let loaded: FrontMatterTools | null = null;

export function loadFrontMatterTools(): Promise<FrontMatterTools> {
  loading ??= import('./front-matter-tools-impl').then((m) => (loaded = m));
  return loading;
}

/** The tools if already loaded (for code that must not wait, e.g. while typing). */
export function frontMatterToolsNow(): FrontMatterTools | null {
  return loaded;
}

export function useFrontMatterTools(): FrontMatterTools | null {
  const [tools, setTools] = useState<FrontMatterTools | null>(loaded);
  useEffect(() => {
    if (tools) return;
    let live = true;
    void loadFrontMatterTools().then((t) => live && setTools(t));
    return () => {
      live = false;
    };
  }, [tools]);
  return tools;
}
