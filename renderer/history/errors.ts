// The plain-words message of a failed call (the main process writes them for writers).
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
