import { defineUnlistedScript } from '#imports';
import { startLabeling } from '@/src/content/labeler-start';
import { LABELER_MODULE, registerModule } from '@/src/content/labeling-module';

export default defineUnlistedScript(() => registerModule(LABELER_MODULE, startLabeling));
