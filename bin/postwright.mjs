#!/usr/bin/env node
// The `postwright` command. It runs the TypeScript sources through tsx so that it works right
// after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

register();
const here = dirname(fileURLToPath(import.meta.url));
const { main } = await import(pathToFileURL(join(here, '..', 'electron', 'cli', 'main.ts')).href);
process.exitCode = await main(process.argv.slice(2));
