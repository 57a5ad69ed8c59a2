// Loaded by index.html before the app's modules. The app runs under a
// Content-Security-Policy without 'unsafe-eval'; zod decides, when each object schema is
// created, whether to compile a faster parser with `new Function`, and probes eval (a CSP
// violation in the console) unless its config says jitless. zod keeps that config on
// globalThis, so setting it here precedes every chunk of the bundle, whatever their order.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
