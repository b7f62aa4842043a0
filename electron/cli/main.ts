// `postwright <command>`: each command lives in its own file under commands/ and is loaded
// only when asked for, so `postwright list` does not pay for the editor engine.
type Command = { run(argv: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<Command>> = {
  list: () => import('./commands/list'),
  roundtrip: () => import('./commands/roundtrip'),
  set: () => import('./commands/set'),
  check: () => import('./commands/check'),
  editcheck: () => import('./commands/editcheck'),
};

const usage = `Usage: postwright <command> [options]

Commands:
  list <site> [--json]                      list the posts of a Hugo site
  roundtrip <path>... [--json] [--write]    open and save every post; report any byte that changes
  set <file> <key>=<yaml value>... [--unset <key>]   edit front-matter fields in place
  check <site> [--json]                     pre-publish checks for every post
  editcheck <path>... [--json] [--seed N] [--rounds N]
                                            type a word into every text block; report any edit
                                            that does not read back as typed
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`postwright: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}
