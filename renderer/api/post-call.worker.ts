// Sends one call from a worker thread: turning a long post into JSON and handing a megabyte to
// fetch() takes the page's thread 30–150 ms on a loaded machine (measured with a 1 MB recap),
// so a recovery-journal write in the page held up the keys typed meanwhile. Here the page only
// hands the text over (a copy, well under a millisecond) and keeps drawing keys.
export interface PostCallRequest {
  id: number;
  url: string;
  secret: string;
  payload: unknown;
}

/** status 0: the request did not get an answer (the host is gone). */
export interface PostCallResponse {
  id: number;
  status: number;
  text: string;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<PostCallRequest>) => void) | null; postMessage(m: PostCallResponse): void };

scope.onmessage = async (e) => {
  const { id, url, secret, payload } = e.data;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-postwright-session': secret },
      body: JSON.stringify(payload ?? {}),
    });
    scope.postMessage({ id, status: res.status, text: await res.text() });
  } catch {
    scope.postMessage({ id, status: 0, text: '' });
  }
};
