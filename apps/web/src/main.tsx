import { AtriumError } from '@atrium/errors';
import { createApp, loadAppConfig, webKernelErrorCodes } from '@atrium/web-kernel';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { features } from './features.js';

async function start() {
  const config = await loadAppConfig();
  const app = createApp({ features, config });
  const container = document.getElementById('root');
  if (!container) {
    throw new AtriumError(
      webKernelErrorCodes.WEB_NO_ROOT_ELEMENT,
      "index.html has no element with id 'root' to render Atrium into.",
    );
  }
  createRoot(container).render(<StrictMode>{app.createRoot()}</StrictMode>);
}

void start();
