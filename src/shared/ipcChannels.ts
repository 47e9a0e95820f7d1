/** The two Electron IPC channels that carry the whole Api contract; request names travel inside them. */
export const IPC_INVOKE = 'segmentlab:invoke'
export const IPC_EVENT = 'segmentlab:event'
