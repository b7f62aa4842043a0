// `postwright roundtrip` — not written yet.
export const summary = 'roundtrip';
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('postwright roundtrip: not available yet\n');
  return 2;
}
