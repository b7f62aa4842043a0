export { detectMojibake, fixMojibake, hasMojibake, lineOf, type MojibakeRun } from './detect';
export { MAC_ROMAN, WINDOWS_1252, CODE_PAGES, encodeCodePage, decodeCodePage, type CodePage, type CodePageTable } from './code-pages';
