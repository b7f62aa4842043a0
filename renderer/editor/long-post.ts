// Posts longer than this (in characters of body) are rendered in a window of blocks around what
// the writer sees (engine/block-window.ts). Shorter posts render whole.
export const LONG_POST_CHARS = 100_000;
