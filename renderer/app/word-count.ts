// Word count for the status bar. Intl.Segmenter counts words in scripts without spaces
// (Japanese, Chinese) too, which a split on whitespace would not.
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;

export function countWords(text: string): number {
  if (!segmenter) return text.split(/\s+/).filter(Boolean).length;
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

/** Time left in the current idle period, in ms. */
export interface Deadline {
  timeRemaining(): number;
}

/**
 * Counts words block by block (the editor's text has one line per block), remembering the count
 * of every block it has seen: after an edit only the edited block is segmented again, which
 * keeps the count of a 1 MB post from costing a long task per pause in typing. The work is
 * done in slices that stop when the idle period runs out, so a key pressed meanwhile is not
 * held up; `step` returns the total when done, or null when it needs another slice.
 */
export class WordCounter {
  private seen = new Map<string, number>();

  /** Starts a count of `text`; call step() until it returns a number. */
  begin(text: string): { step(deadline: Deadline): number | null } {
    const blocks = text.split('\n');
    const next = new Map<string, number>();
    let i = 0;
    let total = 0;
    return {
      step: (deadline) => {
        while (i < blocks.length) {
          const block = blocks[i++];
          let n = next.get(block) ?? this.seen.get(block);
          if (n === undefined) {
            n = countWords(block);
            // Segmenting is the costly part; look at the clock only after doing some.
            if (deadline.timeRemaining() <= 1 && i < blocks.length) {
              next.set(block, n);
              total += n;
              return null;
            }
          }
          next.set(block, n);
          total += n;
        }
        // Only the blocks of the current text are kept, so the memory stays that of one post.
        this.seen = next;
        return total;
      },
    };
  }
}
