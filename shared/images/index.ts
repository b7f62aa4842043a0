// Pure image logic shared by main and the renderer: finding references, renaming them,
// the text to insert, clean names.
export * from './types';
export { findImageReferences, countMissingImages, missingImageKeys, isBroken, targetOf } from './find-references';
export { renameImageReferences, withFileName, type RenameResult } from './rename-references';
export { imageSnippet, type InsertStyle } from './snippet';
export { countImageStyles, preferredStyle, type StyleCounts } from './style-counts';
export { sanitizeImageName, uniqueName } from './file-names';
export { siteLayoutOf, bundleDirOf, isLeafBundle, basenamePosix, dirnamePosix, normalizeRelative } from './site-paths';
export { resolveImageSrc, srcPath } from './resolve-src';
