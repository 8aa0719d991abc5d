import { render } from 'preact';

render(<p>Claim Lens</p>, document.getElementById('app')!);
