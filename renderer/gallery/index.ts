// The image gallery panel (see Gallery.tsx) and the helpers the editor can share with it.
export { Gallery, type GalleryProps } from './Gallery';
export { fileToPayload, bytesToBase64, type FilePayload } from './read-files';
export { imageSnippet } from '../../shared/images/snippet';
