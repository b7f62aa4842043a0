// Channels of the gallery area. Owned by that area's work; add channels with defineChannels.
import { defineChannels } from '../define';

export const galleryChannels = defineChannels({});
