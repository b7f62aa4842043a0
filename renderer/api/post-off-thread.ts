// Posts a call's body from a worker (post-call.worker.ts) when the body is a whole post: the
// recovery journal sends the post's full text at every pause, and for a long post the JSON and
// the fetch() hand-off would otherwise run on the page's thread between two keys. Falls back to
// an ordinary fetch in the page when the worker cannot start.
import type { PostCallRequest, PostCallResponse } from './post-call.worker';

/** Channels whose payload carries a whole post's text, sent often while the writer types. */
export const OFF_THREAD_CHANNELS = new Set(['journalWrite']);

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const waiting = new Map<number, { resolve(r: Response): void; reject(e: unknown): void }>();

function failAll(): void {
  broken = true;
  worker?.terminate();
  worker = null;
  for (const [id, w] of waiting) {
    waiting.delete(id);
    w.reject(new Error('the call worker stopped'));
  }
}

function callWorker(): Worker | null {
  if (broken) return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./post-call.worker.ts', import.meta.url), { type: 'module', name: 'postwright-calls' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<PostCallResponse>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    if (e.data.status === 0) w.reject(new Error('no answer'));
    else w.resolve(new Response(e.data.text, { status: e.data.status }));
  };
  worker.onerror = failAll;
  return worker;
}

/** fetch() of a JSON POST, from the worker when it runs, else in the page. */
export function postJson(url: string, secret: string, payload: unknown, signal?: AbortSignal): Promise<Response> {
  const w = signal ? null : callWorker();
  if (!w) {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-postwright-session': secret },
      body: JSON.stringify(payload ?? {}),
      signal,
    });
  }
  const id = nextId++;
  return new Promise<Response>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    const request: PostCallRequest = { id, url: new URL(url, location.href).href, secret, payload };
    try {
      w.postMessage(request);
    } catch (e) {
      waiting.delete(id);
      reject(e);
    }
  });
}
