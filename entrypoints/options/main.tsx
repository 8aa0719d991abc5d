import { render } from 'preact';
import { OptionsPage } from '@/src/ui/OptionsPage';
import '@/src/ui/base.css';
import '@/src/ui/options.css';

render(<OptionsPage />, document.getElementById('app')!);
