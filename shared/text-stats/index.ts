export { textStats, postStats, visibleText, type TextStats } from './count';
export { outlineOfBody, outlineOfPost, type OutlineItem } from './outline';
export { markdownLines, plainInline, type MdLine } from './markdown-lines';
