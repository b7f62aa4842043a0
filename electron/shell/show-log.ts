// Help > Show Log: opens the app's error log (in the data folder) in the system's text viewer.
// An app that never logged anything shows an empty file rather than an error.
import { shell } from 'electron';
import { appendFile, mkdir } from 'node:fs/promises';
import { errorLogPath } from '../services/log/error-log';

export async function showErrorLog(dataDir: string): Promise<void> {
  const path = errorLogPath(dataDir);
  await mkdir(dataDir, { recursive: true });
  await appendFile(path, '', 'utf8');
  const problem = await shell.openPath(path);
  // No app opens .log files here: show it in its folder instead.
  if (problem) shell.showItemInFolder(path);
}
