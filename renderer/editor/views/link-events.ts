// Events the link bubble (link-bubble.ts) sends from the editor's element to the app, kept apart
// so the app shell can listen without loading the editor's code.
/** Open the link's address: a web address in the browser, a post of the site in the editor. Detail: { href }. */
export const OPEN_LINK_EVENT = 'pw-open-link';
/** Edit the selected link in the Link dialog. Detail: { href }. */
export const EDIT_LINK_EVENT = 'pw-edit-link';
