import { defineErrorCodes } from '@atrium/errors';

/** Every code the plugin manager throws, one line each. */
export const pluginsErrorCodes = defineErrorCodes({
  PLUGINS_TARBALL_INVALID:
    'The package tarball is not a gzip tar, is too large, or has an entry that is refused (path leaving the package, link, device).',
  PLUGINS_PACKAGE_INVALID:
    "The package's package.json or its 'atrium' field is missing or invalid; the message names each field and the reason.",
  PLUGINS_HOST_API_MISMATCH:
    "The package's 'atrium.hostApi' range does not include this portal's host API version; nothing of it ran.",
  PLUGINS_INTEGRITY_MISMATCH:
    'A stored package no longer has the sha512 integrity recorded at install (or the registry sent other bytes than it declared); it is not loaded.',
  PLUGINS_SOURCE_REFUSED:
    'The install source is not allowed: a folder outside plugins.allowedRoots, or no registry configured (plugins.registry.url).',
  PLUGINS_REGISTRY_FAILED:
    'The npm registry did not answer the package or version; the message has its status.',
  PLUGINS_CONFIG_INVALID:
    "The config does not match the plugin's config schema; the message lists each problem.",
  PLUGINS_START_FAILED:
    'The plugin did not start on this backend (init, config or health check failed); the version serving before keeps serving and the message says why.',
  PLUGINS_NOT_INSTALLED: 'No plugin or version of that id is installed.',
});
