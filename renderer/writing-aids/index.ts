// Writing aids (outline, counts, find/replace, checklist, search, preview, garbled-text fix),
// ready to place in the app shell. Each takes the typed Api (or plain callbacks for what the
// editor owns) and uses the app's CSS variables, light and dark.
import './writing-aids.css';

export { MojibakeBanner } from './MojibakeBanner';
export { SearchPanel } from './SearchPanel';
export { OutlineList } from './OutlineList';
export { CountsDisplay } from './CountsDisplay';
export { ChecklistPanel } from './ChecklistPanel';
export { FindReplaceBar, type FindState } from './FindReplaceBar';
export { PreviewPane } from './PreviewPane';
export { BuiltinPreview } from './BuiltinPreview';
export { Highlighted } from './Highlighted';
export { findMatches, replaceAll, findPattern, type FindOptions, type Match } from './find-matches';
export { extractShortcodes, parseAttrs, type ShortcodeCall } from './shortcodes';
