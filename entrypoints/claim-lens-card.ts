import { defineUnlistedScript } from '#imports';
import { CardHost } from '@/src/content/card-host';
import { CARD_MODULE, registerModule } from '@/src/content/labeling-module';

// The card (Preact and its components), imported by the labeler when the pointer first reaches a labeled
// sentence or a card is asked for by key or from the popup.
export default defineUnlistedScript(() => {
  registerModule(CARD_MODULE, (doc: Document) => new CardHost(doc));
});
