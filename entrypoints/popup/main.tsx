import { render } from 'preact';
import { Popup } from '@/src/ui/popup/Popup';
import '@/src/ui/shared/base.css';
import '@/src/ui/popup/popup.css';

// ?tabId= picks the tab the popup is about (tests, and the popup opened as a tab); ?draft= opens a draft.
const params = new URLSearchParams(location.search);
render(
  <Popup tabIdParam={params.get('tabId')} draftParam={params.get('draft')} />,
  document.getElementById('app')!,
);
