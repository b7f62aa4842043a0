// Asked once: the writer's name and email (they sign each version), starting versions for a
// site that has none, the online repository's address and the personal access token.
import { useId, useState, type FormEvent } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { GitStatus } from '../../shared/ipc/channels/git';
import { messageOf } from './errors';

export interface SetupPanelProps {
  api: Api;
  status: GitStatus;
  onChanged?(): void;
}

export function SetupPanel({ api, status, onChanged }: SetupPanelProps) {
  const ids = { name: useId(), email: useId(), url: useId(), token: useId() };
  const [name, setName] = useState(status.author?.name ?? '');
  const [email, setEmail] = useState(status.author?.email ?? '');
  const [url, setUrl] = useState(status.remoteUrl ?? '');
  const [token, setToken] = useState('');
  const [note, setNote] = useState<string | null>(null);

  /** Plain words before the contract's checks would answer with a generic "invalid request". */
  const needAuthor = () => {
    if (!name.trim() || email.trim().length < 3 || !email.includes('@')) throw new Error('Enter your name and email first: they sign each version you save.');
  };

  const act = (fn: () => Promise<unknown>, done: string) => async (e: FormEvent) => {
    e.preventDefault();
    try {
      await fn();
      setNote(done);
      onChanged?.();
    } catch (err) {
      setNote(messageOf(err));
    }
  };

  const authorFields = (
    <>
      <label htmlFor={ids.name}>Your name</label>
      <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      <label htmlFor={ids.email}>Your email</label>
      <input id={ids.email} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
    </>
  );

  return (
    <section className="pw-hist-setup" aria-label="Versions and sync settings">
      {!status.repository ? (
        // One step for a site without versions: who signs them, and start.
        <form aria-label="Start keeping versions" onSubmit={act(async () => {
          needAuthor();
          await api.initRepository({ author: { name, email } });
        }, 'This site now keeps versions.')}>
          <p>This site does not keep versions yet. Postwright will save a first version of every post, signed with your name and email.</p>
          {authorFields}
          <button type="submit">Start keeping versions</button>
        </form>
      ) : (
        <>
          <form aria-label="Your name and email" onSubmit={act(async () => {
            needAuthor();
            await api.setGitAuthor({ name, email });
          }, 'Saved your name and email.')}>
            <h3>Who signs your versions</h3>
            {authorFields}
            <button type="submit">Save name and email</button>
          </form>
          <form aria-label="Online copy" onSubmit={act(async () => {
            await api.setRemote({ url });
            if (token) await api.setGitToken({ token });
            setToken(''); // the token is kept by the app, not left in the page
          }, 'Sync settings saved.')}>
            <h3>Online copy</h3>
            <label htmlFor={ids.url}>Online repository address</label>
            <input id={ids.url} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
            <label htmlFor={ids.token}>Personal access token</label>
            <input id={ids.token} type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder={status.hasToken ? 'Saved (type to replace it)' : ''} autoComplete="off" />
            <button type="submit">Save sync settings</button>
          </form>
        </>
      )}
      {status.problem && (
        <p role="alert" className="pw-hist-state pw-hist-state-error">
          {status.problem.message}
        </p>
      )}
      {note && (
        <p role="status" className="pw-hist-note">
          {note}
        </p>
      )}
    </section>
  );
}
