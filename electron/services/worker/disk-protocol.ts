// The messages between the main process (site-disk-worker.ts) and the disk worker thread
// (disk-worker.ts). Everything here crosses threads by structured clone: plain data only.
import type { IpcErrorShape } from '../../../shared/ipc/errors';

/** Stands in for an AbortSignal argument: the worker passes its own signal, aborted on 'cancel'. */
export const SIGNAL_ARG = { __postwrightSignal: true } as const;

export type ToWorker =
  | { type: 'call'; id: number; target: string; method: string; args: unknown[] }
  | { type: 'cancel'; id: number }
  | { type: 'shutdown'; id: number };

/**
 * A failure as it crossed: a PostwrightError keeps its code, message and details; any other
 * error keeps its name, message and system code (ENOENT...), so the main process's dispatch
 * words and logs it exactly as when the service ran there.
 */
export type WorkerError =
  | { kind: 'postwright'; shape: IpcErrorShape }
  | { kind: 'error'; name: string; message: string; code?: string; stack?: string };

export type FromWorker =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: WorkerError };

export function isSignalArg(a: unknown): boolean {
  return typeof a === 'object' && a !== null && (a as { __postwrightSignal?: unknown }).__postwrightSignal === true;
}
