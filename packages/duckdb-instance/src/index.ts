export { resolveExtensionDirectory } from './extension-directory.ts';
export {
  createOfflineInstance,
  offlineInstanceSettings,
  type OfflineInstanceOptions,
} from './offline-instance.ts';
