// Channels of the git area. Owned by that area's work; add channels with defineChannels.
import { defineChannels } from '../define';

export const gitChannels = defineChannels({});
