// Bounds the request bodies the web host holds in memory: each one (413 beyond maxBody) and all
// of them together (503 beyond maxInFlight, "try again"), so a few large requests at once cannot
// grow the host without limit. Bytes are counted as they arrive (a Content-Length is checked
// up front but never trusted alone) and given back only when the response is finished: the
// parsed payload and what the handler makes of it live until then.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class BodyTooLarge extends Error {
  constructor() {
    super('That is too much to send at once.');
  }
}

export class HostBusy extends Error {
  constructor() {
    super('Postwright is busy receiving other large files. Try again in a moment.');
  }
}

export class BodyBudget {
  private inFlight = 0;

  constructor(readonly maxBody: number, readonly maxInFlight: number) {}

  /** Bytes currently held by bodies being read. */
  get held(): number {
    return this.inFlight;
  }

  /** Reads the whole body within both limits; throws BodyTooLarge or HostBusy. Its bytes count until `res` closes. */
  async read(req: IncomingMessage, res: ServerResponse, maxBody = this.maxBody): Promise<Buffer> {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > maxBody) throw new BodyTooLarge();
    if (declared > 0 && this.inFlight + declared > this.maxInFlight) throw new HostBusy();
    const chunks: Buffer[] = [];
    let size = 0;
    let ok = false;
    try {
      // Not destroyed on an early exit: the host still answers 413/503 on this connection.
      for await (const c of req.iterator({ destroyOnReturn: false })) {
        const chunk = c as Buffer;
        size += chunk.length;
        this.inFlight += chunk.length;
        if (size > maxBody) throw new BodyTooLarge();
        if (this.inFlight > this.maxInFlight) throw new HostBusy();
        chunks.push(chunk);
      }
      ok = true;
      return Buffer.concat(chunks);
    } finally {
      const release = () => {
        this.inFlight -= size;
      };
      if (ok && !res.writableFinished && !res.destroyed) res.once('close', release);
      else release();
    }
  }
}
