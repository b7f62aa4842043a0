// `postwright set` — not written yet.
export const summary = 'set';
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('postwright set: not available yet\n');
  return 2;
}
