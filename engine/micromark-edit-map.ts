// A linear-time `EditMap.consume` for micromark. micromark's document tokenizer applies an edit
// map to the WHOLE event list each time a container (a list item, a block quote) closes its
// content, and `consume` rebuilds that list from the first event: copying every event of the
// post so far, once per list item. A 1 MB recap with thousands of list items spent half of its
// parse there (quadratic in the post's length). The edits all sit near the end of the list, so
// here only the part from the first edit onwards is rebuilt; the result is the same list.
// Installed once, by the engine, on the one copy of micromark-util-edit-map that micromark uses
// (the package is pinned in package.json so that npm keeps a single copy).
import { EditMap } from 'micromark-util-edit-map';

type Change = [at: number, remove: number, add: unknown[]];

interface EditMapInternals {
  map: Change[];
  index: Map<number, Change>;
}

/** Applies the queued edits to `events`, in place, touching only events from the first edit on. */
export function consumeFromFirstEdit(this: EditMapInternals, events: unknown[]): void {
  const map = this.map;
  if (map.length === 0) return;
  map.sort((a, b) => a[0] - b[0]);
  const start = map[0][0];
  const tail: unknown[] = [];
  let cursor = start;
  for (const [at, remove, add] of map) {
    // Same as the original when two edits overlap: what lies between them is taken only when
    // the earlier edit's removal ends before the later edit starts.
    for (let i = cursor; i < at; i++) tail.push(events[i]);
    for (const e of add) tail.push(e);
    cursor = at + remove;
  }
  for (let i = cursor; i < events.length; i++) tail.push(events[i]);
  events.length = start;
  for (const e of tail) events.push(e);
  map.length = 0;
  this.index.clear();
}

let installed = false;

/** Replaces micromark's `EditMap.prototype.consume` (idempotent). */
export function installLinearEditMap(): void {
  if (installed) return;
  installed = true;
  (EditMap.prototype as unknown as { consume: typeof consumeFromFirstEdit }).consume = consumeFromFirstEdit;
}
