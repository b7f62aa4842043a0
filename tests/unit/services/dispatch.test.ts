import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../shared/ipc/dispatch';
import { channelNames, type HandlerTable } from '../../../shared/ipc/contract';
import { PostwrightError } from '../../../shared/ipc/errors';
import { createApi, ApiError, type Transport } from '../../../shared/ipc/client';

function table(overrides: Partial<HandlerTable>): HandlerTable {
  const missing = async () => {
    throw new PostwrightError('unsupported', 'not in this test');
  };
  return Object.fromEntries(channelNames.map((c) => [c, overrides[c] ?? missing])) as HandlerTable;
}

describe('the IPC contract', () => {
  it('validates requests before a handler runs', async () => {
    let ran = false;
    const dispatch = createDispatch(table({ openSite: async () => { ran = true; throw new Error('x'); } }));
    const env = await dispatch('openSite', { dir: 7 });
    expect(env).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(ran).toBe(false);
  });

  it('checks what a handler returns', async () => {
    const dispatch = createDispatch(table({ getSite: async () => ({ nonsense: true }) as never }));
    expect(await dispatch('getSite', {})).toMatchObject({ ok: false, error: { code: 'invalid-response' } });
  });

  it('passes typed errors through and hides internal ones behind a plain message', async () => {
    const dispatch = createDispatch(
      table({
        listPosts: async () => { throw new PostwrightError('no-site', 'No site is open.'); },
        getSite: async () => { throw Object.assign(new Error('boom'), { code: 'ENOSPC' }); },
      }),
    );
    expect(await dispatch('listPosts', {})).toEqual({ ok: false, error: { code: 'no-site', message: 'No site is open.' } });
    expect(await dispatch('getSite', {})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('disk is full') } });
  });

  it('gives the renderer a typed client with one method per channel', async () => {
    const dispatch = createDispatch(table({ getSite: async () => null }));
    const transport: Transport = { call: (c, p) => dispatch(c, p), subscribe: () => () => {}, assetUrl: (p) => `/asset/${p}` };
    const api = createApi(transport);
    for (const c of channelNames) expect(typeof api[c]).toBe('function');
    expect(await api.getSite({})).toBeNull();
    await expect(api.listPosts({})).rejects.toBeInstanceOf(ApiError);
  });
});
