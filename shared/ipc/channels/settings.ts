// Channels of the settings area. Owned by that area's work; add channels with defineChannels.
import { defineChannels } from '../define';

export const settingsChannels = defineChannels({});
