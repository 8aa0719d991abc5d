import { defineUnlistedScript } from '#imports';
import { registerModule, WATCH_MODULE } from '@/src/content/labeling-module';
import { startWatch } from '@/src/content/watch-start';

export default defineUnlistedScript(() => registerModule(WATCH_MODULE, startWatch));
