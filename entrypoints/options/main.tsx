import { render } from 'preact';
import { OptionsPage } from '@/src/ui/options/OptionsPage';
import '@/src/ui/shared/base.css';
import '@/src/ui/options/options.css';

render(<OptionsPage />, document.getElementById('app')!);
