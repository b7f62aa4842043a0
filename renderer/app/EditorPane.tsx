// The centre of the window: toolbar, front matter above the body, banners about the post, and
// the status bar.
import { useCallback } from 'react';
import type { PostSession } from './use-post-session';
import { DiskChangeBanner } from './DiskChangeBanner';
import { PostBody } from './PostBody';
import { SimpleFrontMatter } from './SimpleFrontMatter';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';

interface Props {
  session: PostSession;
  onSave(): void;
}

export function EditorPane({ session, onSave }: Props) {
  const { post, editor } = session;
  const focusEditor = useCallback(() => editor?.focus(), [editor]);
  return (
    <main className="editor-pane" aria-label="Editor">
      <div className="editor-top">
        <Toolbar commands={editor && !session.unsafeReason ? editor.commands : null} onAfterCommand={focusEditor} />
        <button type="button" className="primary save-button" onClick={onSave} disabled={!post} aria-keyshortcuts="Control+S Meta+S" title="Save (Ctrl+S)">
          Save
        </button>
      </div>
      {session.diskChange && <DiskChangeBanner change={session.diskChange} onReload={() => void session.reloadFromDisk()} onKeepMine={() => void session.keepMine()} />}
      {session.unsafeReason && (
        <div className="banner" role="region" aria-label="Editing limits">
          <span>The text of this post is shown read-only, because editing it here could change parts you did not touch: {session.unsafeReason} The front matter can still be edited.</span>
        </div>
      )}
      <div className="editor-scroll">
        {post ? (
          <article className="sheet" key={`${post.path}#${post.generation}`}>
            <SimpleFrontMatter
              format={post.file.format}
              text={session.frontMatter}
              original={post.loadedFrontMatter}
              error={post.file.frontMatterError}
              onChange={session.setFrontMatter}
            />
            <PostBody body={post.parts.body} postPath={post.path} onReady={session.editorReady} onGone={session.editorGone} onChange={session.bodyChanged} />
          </article>
        ) : (
          <div className="empty-state">
            <p>Choose a post on the left to start writing.</p>
          </div>
        )}
      </div>
      <StatusBar hasPost={post !== null} dirty={session.dirty} saveState={session.saveState} words={session.words} path={post?.path ?? null} />
    </main>
  );
}
