// Whether the slug typed in the form is another post's already: asked (through `checkSlug`, the
// site's own check, the one Rename uses) once the writer pauses, so two posts never end up with
// one address without the form saying so.
import { useEffect, useState } from 'react';

const PAUSE_MS = 300;

/** The slug (lower-case) when another post uses it, as the set validateFields takes. */
export function useSlugTaken(slug: unknown, checkSlug: ((slug: string) => Promise<boolean>) | undefined): ReadonlySet<string> | undefined {
  const wanted = typeof slug === 'string' ? slug.trim() : '';
  const [taken, setTaken] = useState<ReadonlySet<string> | undefined>(undefined);
  useEffect(() => {
    if (!checkSlug || !wanted) {
      setTaken(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      checkSlug(wanted).then(
        (free) => {
          if (live) setTaken(free ? undefined : new Set([wanted.toLowerCase()]));
        },
        // The check is a hint: when it fails the form says nothing.
        () => undefined,
      );
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, checkSlug]);
  return taken;
}
