export * from './types';
export { checkPost, RULES, frontMatterRule, titleRule, descriptionRule, dateRule, tagsRule, imagesRule, mojibakeRule, linksRule, emptyHeadingsRule, type Rule } from './rules';
export { findInternalLinks, isRelativePageLink, type FoundLink } from './find-links';
export { resolveLinkTarget, postKeys, pageKey, type PostIndex } from './resolve-links';
