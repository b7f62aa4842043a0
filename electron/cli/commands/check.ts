// `postwright check` — not written yet.
export const summary = 'check';
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('postwright check: not available yet\n');
  return 2;
}
