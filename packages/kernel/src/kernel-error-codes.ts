import { defineErrorCodes } from '@atrium/errors';

/**
 * Every code the kernel throws, one line each: when it is thrown and what to do. Tests and
 * tools assert these; throw sites use the constants (`kernelErrorCodes.KERNEL_DUPLICATE_PLUGIN`).
 */
export const kernelErrorCodes = defineErrorCodes({
  // Definitions (definePlugin, defineModule, defineServiceRef, defineExtensionPoint, definePermission)
  KERNEL_INVALID_PLUGIN_ID: "A plugin id is not kebab-case (e.g. 'tech-insights'); rename it.",
  KERNEL_INVALID_MODULE_ID: "A module id is not kebab-case (e.g. 'github'); rename it.",
  KERNEL_INVALID_SERVICE_ID: "A service ref id is not dotted lowercase (e.g. 'catalog.client'); rename it.",
  KERNEL_INVALID_EXTENSION_POINT_ID:
    "An extension point id is not '<plugin id>.<name>' (e.g. 'catalog.processors'); rename it.",
  KERNEL_INVALID_PERMISSION_NAME:
    "A permission name is not dotted lowercase (e.g. 'catalog.entity.read'); rename it.",
  // Collecting and wiring features
  KERNEL_INVALID_FEATURE:
    'A value given as a backend feature is not one; make it with definePlugin, defineModule or defineServiceFactory.',
  KERNEL_FEATURE_LOAD_FAILED:
    'A package listed in backend.features is missing, exports no feature or fails to import; install and build it.',
  KERNEL_DUPLICATE_PLUGIN:
    'Two plugins have the same id; remove one from backend.features or backend.add(...).',
  KERNEL_DUPLICATE_MODULE: 'A module was added twice for the same plugin; remove one.',
  KERNEL_DUPLICATE_SERVICE_FACTORY:
    'Two factories provide the same service; keep one (it replaces the default).',
  KERNEL_MODULE_WITHOUT_PLUGIN:
    'A module extends a plugin that is not installed; add that plugin or remove the module.',
  KERNEL_MISSING_SERVICE:
    'Something depends on a service no factory provides; add its factory or the plugin providing it.',
  KERNEL_SERVICE_SCOPE:
    'A root service depends on a plugin-scoped service; make it plugin-scoped or use a root service.',
  KERNEL_DEPENDENCY_CYCLE: 'Services depend on each other in a cycle; remove one of the dependencies named.',
  KERNEL_EXTENSION_POINT_UNKNOWN:
    'A module uses an extension point no installed plugin provides; install its owner or remove the module.',
  KERNEL_EXTENSION_POINT_SCOPE:
    "A module extends another plugin's extension point; move it to a module of the plugin that owns it.",
  KERNEL_EXTENSION_POINT_DUPLICATE:
    'Two plugins provide the same extension point; an extension point has one owner.',
  KERNEL_EXTENSION_POINT_SEALED:
    'A module used an extension point after its init returned; add items during init.',
  KERNEL_API_UNDECLARED:
    "A plugin implements an HTTP API its manifest does not list; add it to 'apis' in definePlugin.",
  KERNEL_ROUTE_NOT_IMPLEMENTED:
    'A declared route has no handler, or a declared API was never implemented; call http.implement in init.',
  KERNEL_BACKEND_STARTED:
    'backend.add() or backend.start() was called after start(); add every feature, then start once.',
  // Starting and stopping
  KERNEL_INIT_FAILED: 'A plugin or module init threw; the cause says why.',
  KERNEL_INIT_TIMEOUT: 'An init did not finish within backend.startup.timeout; find what it waits on.',
  KERNEL_STARTUP_FAILED: 'The backend could not start; the message lists each problem with its own code.',
  KERNEL_HOOK_FAILED: 'A startup or shutdown hook threw; it was logged and the other hooks still ran.',
  KERNEL_SHUTDOWN_TIMEOUT:
    'A lifecycle hook outlived backend.shutdown.timeout and was abandoned; make it finish sooner.',
  // Runtime plugins (coreServices.pluginRuntime)
  PLUGIN_DISABLED:
    'A runtime plugin was stopped (disabled, uninstalled); its routes answer 404 until it is enabled again.',
  PLUGIN_RUNTIME_INVALID:
    'What was given to pluginRuntime.prepare is not one plugin with modules of it; the message says what is wrong.',
  PLUGIN_BUILT_IN:
    'A runtime plugin has the id of a built-in plugin (backend.features); built-in plugins cannot be replaced at runtime.',
  PLUGIN_INIT_FAILED:
    'A runtime plugin generation failed to boot (config, migrations or init); the old generation keeps serving.',
  PLUGIN_HEALTH_FAILED:
    "A runtime plugin generation's health check failed; it was not activated and the old one keeps serving.",
  PLUGIN_NOT_RUNNING: 'pluginRuntime.stop named a plugin this backend does not serve at runtime.',
  PLUGIN_GENERATION_CLOSED:
    'A prepared generation was used after it was activated, discarded or superseded; prepare a new one.',
  // Config
  CONFIG_LOAD_FAILED:
    'A config file is missing, not YAML or not a mapping, or a $env/$file/$include failed; fix the file named.',
  CONFIG_INVALID: 'A config value has the wrong type or breaks its schema; fix the key named.',
  CONFIG_MISSING: 'A required config value is not set; set the key named in app-config.yaml.',
  // Services
  PERMISSION_DUPLICATE_RESOURCE_TYPE:
    'Two plugins register the same permission resource type; a type has one owner.',
  PERMISSION_UNDECLARED:
    "A permission is checked that no installed plugin declares; add it to the plugin's 'permissions'.",
  PERMISSION_UNKNOWN_RULE:
    'A conditional decision names a rule its resource type does not register; register the rule or fix the policy.',
  DATABASE_CONNECT_FAILED: "A plugin's database could not be opened; check backend.database.",
  DATABASE_TRANSACTION_CONFLICT:
    'A transaction kept conflicting with other writers and ran out of attempts; retry later or write less at once.',
  DATABASE_QUERY_INVALID:
    'A query the database service cannot run as asked (a prepared value not bound as a parameter, a write through read()); the message says which.',
  DATABASE_MIGRATION_FAILED:
    'A plugin migration failed; migrations are append-only, so fix forward with a new one.',
  AUTH_KEYS_UNAVAILABLE:
    'Token signing keys could not be loaded or created; check the database they are kept in.',
  CACHE_CONNECT_FAILED: 'Redis for backend.cache could not be reached; check backend.cache.connection.',
  EVENTS_TOPIC_INVALID: 'An event was published without a topic (a non-empty string); give it one.',
  EVENTS_PAYLOAD_INVALID: 'An event payload is not JSON; publish plain data only.',
  EVENTS_PUBLISH_FAILED:
    'An event could not be sent to the other backends; check the database or Redis of backend.events.',
  EVENTS_CONNECT_FAILED:
    'The events transport (PostgreSQL LISTEN or Redis) could not be reached; check backend.events.',
  WORK_LEASE_LOST:
    "A work item's lease ran out or was taken over (the signal's reason); stop working on it, another backend has it.",
  WORK_QUEUE_STOPPED:
    "The backend is shutting down (the signal's reason); finish or hand back the item quickly.",
});

/** A code the kernel throws. */
export type KernelErrorCode = keyof typeof kernelErrorCodes;
