import { AtriumError } from '@atrium/errors';
import { createApp, loadAppConfig, loadFeatureBundles, webKernelErrorCodes } from '@atrium/web-kernel';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { features } from './features.js';

async function start() {
  // The features listed in app.features load before the first render, so their routes and
  // navigation entries are there from the start.
  const [config, loaded] = await Promise.all([loadAppConfig(), loadFeatureBundles()]);
  const app = createApp({
    features: [...features, ...loaded.features],
    config,
    diagnostics: loaded.diagnostics,
  });
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
