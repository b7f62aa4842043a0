// The side panel's Gallery tab: the gallery of the open post, with the callbacks PostImages
// provides (insert at the cursor, set the post image, save before a rename rewrites the post).
import { useContext } from 'react';
import { api } from '../api';
import { Gallery } from '../gallery';
import { GalleryContext } from './post-images-context';

export function GalleryTab({ postPath }: { postPath: string }) {
  const hooks = useContext(GalleryContext);
  if (!hooks) return <p className="hint">The gallery is not available here.</p>;
  return <Gallery key={postPath} api={api} postPath={postPath} {...hooks} />;
}
