export type { ConnectOptions, Engine } from './connect.js';
export { engineFor } from './connect.js';
export type { Database } from './schema.js';
export { type ArticleListing, openStore, type SaveResult, Store } from './store.js';
export {
  type ClusterState,
  ClusterStateConflict,
  type SaveStoriesOptions,
  type StoryAssignmentInput,
  type StoryListing,
  type StoryMember,
  type StorySaveResult,
} from './stories.js';
