// The post editor: Milkdown mounted into the app shell's element, with source-preserving save.
// A post whose blocks cannot be mapped 1:1 to its source opens read-only with `unsafeReason`
// set, and getBody() then returns the body exactly as loaded: nothing lossy is ever saved.
// A post over 8,000 characters opens piece by piece (engine/progressive-open.ts): its start is
// editable at once, the rest joins the document when it is read (`whenLoaded`), and until then
// getBody() writes the rest back as its exact source.
import { editorViewCtx } from '@milkdown/kit/core';
import { Fragment, type Node as PmNode } from '@milkdown/kit/prose/model';
import { changeListener } from './change-listener';
import { caretBeforeKeys } from './caret-before-keys';
import { takeInPageCaret } from '../../engine/page-caret';
import { commitNow } from '../../engine/commit-after-paint';
import { emptyPlaceholder } from './empty-placeholder';
import { editorCommands } from './editor-commands';
import { createMilkdown } from '../../engine/create-milkdown';
import { saveBody, snapshotOf, takeSnapshot, type SourceSnapshot } from '../../engine/source-save';
import { loadRest, parseFirstPiece, type FirstPiece, type ParsedRest, type RestLoad } from '../../engine/progressive-open';
import { editorViews } from './views/editor-views';
import { linkBubblePlugin, selectLinkAtSelection } from './views/link-bubble';
import { linkPastePlugin } from './views/link-paste';
import { editLinkReference, linkReferenceAt } from './link-reference-edit';
import { slashMenuPlugin } from './views/slash-menu';
import { editorIntegration } from './integration-commands';
import { editorMedia } from './editor-media';
import { blockWindowPlugin, windowedView } from '../../engine/block-window';
import { beyondEditor } from '../../engine/beyond-editor';
import { LONG_POST_CHARS, windowFor } from './long-post';
import type { PostEditorHandle, PostEditorOptions } from './types';

export const BODY_ATTRIBUTES = { role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Post body' };

export async function createPostEditor(opts: PostEditorOptions): Promise<PostEditorHandle> {
  let ready = false;
  const notify = () => {
    if (ready) opts.onChange?.();
  };
  const beyond = beyondEditor(opts.body);
  if (beyond) throw new Error(`${beyond}. Open it in a text editor to change its text; the fields above can still be edited.`);
  const long = opts.body.length > LONG_POST_CHARS;
  const drawWindow = windowFor(opts.body);
  let first: FirstPiece | null = null;
  const views = drawWindow ? editorViews(opts, windowedView) : editorViews(opts);
  const media = editorMedia(opts);
  const slashMenu = slashMenuPlugin(() =>
    opts.readOnly
      ? null
      : {
          insertShortcode: views.insertShortcode,
          insertMarkdown: (at, markdown) => void media.handle.insertMarkdownAt(at, markdown),
          listShortcodes: views.listShortcodes,
        },
  );
  const { editor, core, parsed } = await createMilkdown(
    opts.root,
    (c) => (first = parseFirstPiece(c, opts.body)).parsed,
    [changeListener(notify), caretBeforeKeys(), emptyPlaceholder(), ...views.plugins, linkBubblePlugin, linkPastePlugin, slashMenu, ...media.plugins, ...(drawWindow ? [blockWindowPlugin(drawWindow)] : [])],
    !opts.readOnly,
    BODY_ATTRIBUTES,
    opts.shortcodeInner,
  );
  const body = opts.body;
  let unsafeReason = parsed.unsafeReason;
  const view = editor.ctx.get(editorViewCtx);
  if (unsafeReason) view.setProps({ editable: () => false });
  // Set by the parse above (TypeScript cannot see the callback ran).
  const opened = first as FirstPiece | null;
  // Where the part not yet in the editor starts (the body's length once all of it is).
  let restStart = opened?.restStart ?? body.length;
  // Pristine snapshot after Milkdown's settling transactions (heading ids, list order).
  let snapshot: SourceSnapshot = takeSnapshot(body.slice(0, restStart), view.state.doc, parsed.ranges);
  let pristineDoc: PmNode = view.state.doc;
  views.attach(view);
  media.attach(view, core);
  ready = true;

  /** The rest joins the document: one step, outside the undo history. */
  const addRest = (rest: ParsedRest) => {
    if (rest.unsafeReason) {
      // Read-only from now on, and the rest stays out of the editor (restStart stays where it
      // is); an edit already made to the start is kept, and saved with the rest exactly as it
      // was (the start's blocks were mapped, so its save is lossless).
      unsafeReason = rest.unsafeReason;
      view.setProps({ editable: () => false });
      opts.onChange?.();
      return;
    }
    const before = view.state.doc;
    const untouched = before === pristineDoc;
    // A click made while the rest was read may not be reported yet: taken in first, or drawing
    // this step would put the caret back where the editor last knew it.
    takeInPageCaret(view);
    ready = false;
    view.dispatch(view.state.tr.insert(before.content.size, Fragment.fromArray(rest.nodes)).setMeta('addToHistory', false));
    ready = true;
    const after = view.state.doc;
    const added: PmNode[] = [];
    for (let i = after.childCount - rest.nodes.length; i < after.childCount; i++) added.push(after.child(i));
    snapshot = snapshotOf(body, [...snapshot.pristine, ...added], [...snapshot.ranges, ...rest.ranges]);
    pristineDoc = untouched ? after : pristineDoc.copy(pristineDoc.content.append(Fragment.fromArray(added)));
    restStart = body.length;
    opts.onChange?.();
  };
  let load: RestLoad | null = null;
  // A key pressed before the rest is in reads it at once (a post that is not long has little
  // left to read), so the key acts on the whole post: Ctrl+End, Page Down, arrows past the end.
  // In a long post only Ctrl/Cmd+End does: typing goes on while the rest is read.
  const onKey = (e: KeyboardEvent) => {
    if (!long || ((e.ctrlKey || e.metaKey) && e.key === 'End')) load?.finish();
  };
  const readRest = (from: FirstPiece) =>
    new Promise<void>((resolve) => {
      // Busy (for assistive technology, and what tests wait for) until the rest is in. On the
      // editor's own element: a change of the view's attributes prop redraws the view (about
      // 8 ms in a profile of the 12 KB open).
      opts.root.setAttribute('aria-busy', 'true');
      opts.root.addEventListener('keydown', onKey, true);
      load = loadRest(core, body, from, (rest) => {
        opts.root.removeEventListener('keydown', onKey, true);
        addRest(rest);
        opts.root.removeAttribute('aria-busy');
        resolve();
      });
    });
  const whenLoaded = opened && restStart < body.length && !unsafeReason ? readRest(opened) : undefined;
  /** Find, replace and jumps work on the whole post: they read the rest in first. */
  const wholePost = () => load?.finish();

  // Unmappable with nothing left out (the post was parsed whole): the body as loaded. Only a
  // rest found unmappable leaves part of the post out of the editor.
  // Written out once per document: the save, its dirty checks and the text taken at a pause all
  // ask for the body of the same document, and a 12 KB body costs a walk of every block.
  // ProseMirror documents are immutable, so the same document object (with the same source
  // snapshot, rest and verdict on saving) always writes out the same text.
  let memo: { doc: unknown; snapshot: SourceSnapshot; restStart: number; unsafe: string | null; text: string } | null = null;
  const getBody = (): string => {
    const doc = view.state.doc;
    if (memo && memo.doc === doc && memo.snapshot === snapshot && memo.restStart === restStart && memo.unsafe === unsafeReason) return memo.text;
    const text = unsafeReason && restStart === body.length ? body : withRest(saveBody(snapshot, doc, core));
    memo = { doc, snapshot, restStart, unsafe: unsafeReason, text };
    return text;
  };
  /** The part of the post not (yet) in the editor, after the saved start, as it was. */
  const withRest = (start: string): string => {
    if (restStart === body.length) return start;
    const rest = body.slice(restStart);
    // The rest starts with a heading: it must stay on a line of its own after a blank line.
    if (/(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)$/.test(start)) return start + rest;
    return start.replace(/[ \t\r\n]*$/, '') + snapshot.eol + snapshot.eol + rest;
  };

  return {
    getBody,
    isDirty: () => !view.state.doc.eq(pristineDoc),
    get unsafeReason() {
      return unsafeReason;
    },
    whenLoaded,
    commands: { ...editorCommands(editor), insertShortcode: views.insertShortcode, selectLink: () => selectLinkAtSelection(view)?.href ?? null,
      linkReference: () => linkReferenceAt(view),
      setLinkReference: (href, text) => editLinkReference(view, href, text),
    },
    getText: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n', ' '),
    // view.focus() writes the caret it knows into the page: a caret a click just put there,
    // not yet reported, is read first, so a focus arriving after the click does not move it.
    focus: () => {
      takeInPageCaret(view);
      view.focus();
    },
    integration: editorIntegration(view, wholePost),
    ...media.handle,
    destroy: () => {
      commitNow(view); // a typed character waiting for its frame goes into the document first
      load?.cancel();
      opts.root.removeEventListener('keydown', onKey, true);
      views.destroy();
      void editor.destroy();
    },
  };
}
