// Channels of the recovery area. Owned by that area's work; add channels with defineChannels.
import { defineChannels } from '../define';

export const recoveryChannels = defineChannels({});
