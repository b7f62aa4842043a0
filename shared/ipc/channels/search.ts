// Channels of the search area. Owned by that area's work; add channels with defineChannels.
import { defineChannels } from '../define';

export const searchChannels = defineChannels({});
