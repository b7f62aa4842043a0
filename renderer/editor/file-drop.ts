// Files dropped on or pasted into the post body (photos from a phone, a screenshot) are handed
// to the app shell, which imports them into the post's bundle and then inserts them where they
// were dropped. The editor never puts a file's bytes or a blob: URL into the document.
// Installed as direct view props (ahead of every plugin, Milkdown's clipboard included), so a
// paste that carries an image and some HTML is taken as the image.
import type { EditorView } from '@milkdown/kit/prose/view';
import type { PostEditorOptions } from './types';

/** The files of a drop or paste, or an empty list when it carries none (plain text, HTML). */
export function filesOf(data: DataTransfer | null): File[] {
  return data?.files?.length ? Array.from(data.files) : [];
}

export function attachFileDrop(view: EditorView, opts: Pick<PostEditorOptions, 'onFilesDropped' | 'onFilesPasted'>): void {
  const { handleDrop: prevDrop, handlePaste: prevPaste } = view.props;
  if (!opts.onFilesDropped && !opts.onFilesPasted) return;
  view.setProps({
    handleDrop(v, event, slice, moved) {
      const files = filesOf(event.dataTransfer);
      if (!files.length || !opts.onFilesDropped) return prevDrop?.call(this, v, event, slice, moved) ?? false;
      event.preventDefault();
      if (!v.editable) return true; // a read-only post takes no files (and the page must not open them)
      const pos = v.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? v.state.selection.from;
      opts.onFilesDropped(files, pos);
      return true;
    },
    handlePaste(v, event, slice) {
      const files = filesOf(event.clipboardData);
      if (!files.length || !opts.onFilesPasted) return prevPaste?.call(this, v, event, slice) ?? false;
      event.preventDefault();
      if (v.editable) opts.onFilesPasted(files);
      return true;
    },
  });
}
