import { extensionFileUrl } from '../platform/runtime';
import { importModule, LABELER_MODULE, type LabelerModule } from './labeling-module';
import { type WatchPage, watchPage } from './page-watch';

export const startWatch: WatchPage = (read) =>
  watchPage(() => importModule<LabelerModule>(LABELER_MODULE, extensionFileUrl(LABELER_MODULE.file)), read);
