import { AtriumError } from '@atrium/errors';
import {
  followLayoutPreview,
  isLayoutPreview,
  loadAppConfig,
  startLiveApp,
  subscribeFrontendState,
  webKernelErrorCodes,
} from '@atrium/web-kernel';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { features } from './features.js';

async function start() {
  // The features listed in app.features (and enabled at run time) load before the first
  // render, so their routes and navigation entries are there from the start.
  const live = await startLiveApp({ features, config: await loadAppConfig() });
  const container = document.getElementById('root');
  if (!container) {
    throw new AtriumError(
      webKernelErrorCodes.WEB_NO_ROOT_ELEMENT,
      "index.html has no element with id 'root' to render Atrium into.",
    );
  }
  createRoot(container).render(<StrictMode>{live.element}</StrictMode>);
  // Layout changes and plugins enabled or disabled by an administrator apply without a reload.
  subscribeFrontendState((state) => void live.apply(state), {
    onInvalid: (error) => console.error('Atrium: ignored an invalid frontend state', error),
  });
  if (isLayoutPreview()) followLayoutPreview(live);
}

void start();
