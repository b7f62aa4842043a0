// The post's images as a shortcode parameter would write them: a bundle's own by their name
// relative to the post's folder, the site's static ones by their address ("/images/x.png").
import type { GalleryListing } from '../../../shared/ipc/channels/gallery';

export function imageChoices(listing: GalleryListing): string[] {
  const out = new Set<string>();
  for (const img of listing.images) {
    if (img.missing) continue;
    if (listing.bundleDir && img.sitePath.startsWith(`${listing.bundleDir}/`)) out.add(img.sitePath.slice(listing.bundleDir.length + 1));
    else if (img.sitePath.startsWith(`${listing.staticDir}/`)) out.add(img.sitePath.slice(listing.staticDir.length));
  }
  return [...out];
}
