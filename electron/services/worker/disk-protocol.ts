// The messages between the main process (site-disk-worker.ts) and the disk worker thread
// (disk-worker.ts). Everything here crosses threads by structured clone: plain data only.
import type { IpcErrorShape } from '../../../shared/ipc/errors';

/** Stands in for an AbortSignal argument: the worker passes its own signal, aborted on 'cancel'. */
export const SIGNAL_ARG = { __postwrightSignal: true } as const;

export type ToWorker =
  | { type: 'call'; id: number; target: string; method: string; args: unknown[] }
  | { type: 'cancel'; id: number }
  | { type: 'shutdown'; id: number };

export type FromWorker =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: IpcErrorShape & { stack?: string } };

export function isSignalArg(a: unknown): boolean {
  return typeof a === 'object' && a !== null && (a as { __postwrightSignal?: unknown }).__postwrightSignal === true;
}
