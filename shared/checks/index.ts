export * from './types';
export { checkPost, RULES, frontMatterRule, titleRule, descriptionRule, dateRule, tagsRule, imagesRule, mojibakeRule, linksRule, emptyHeadingsRule, templateTextRule, type Rule } from './rules';
export { templateSentences, templateTextLeft } from './template-text';
export { findInternalLinks, isRelativePageLink, type FoundLink } from './find-links';
export { resolveLinkTarget, postKeys, pageKey, type PostIndex } from './resolve-links';
