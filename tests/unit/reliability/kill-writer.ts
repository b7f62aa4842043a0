// Child process for the kill test: saves a post over and over with writeFileAtomic until it is
// killed. Version k of the post is fully determined by k (see killTestVersion), so the parent can
// tell a whole version from a torn one. It starts in standby (so the parent can start the next
// writer while the current one runs), prints "standby", waits for the first version number on
// stdin, prints "ready" and saves until killed.
import { writeFileAtomic } from '../../../electron/services/fs/atomic-write';
import { killTestVersion } from './kill-versions';

async function main(): Promise<void> {
  const target = process.argv[2];
  process.stdout.write('standby\n');
  let k = await new Promise<number>((resolve) => process.stdin.once('data', (d) => resolve(Number(String(d).trim()))));
  process.stdout.write('ready\n');
  for (;;) {
    await writeFileAtomic(target, killTestVersion(k));
    k++;
  }
}

void main();
