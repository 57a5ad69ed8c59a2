import {
  coreServices,
  defineServiceFactory,
  defineServiceRef,
  type PermissionPolicy,
  type PolicyDecision,
  type ServiceFactory,
  type ServiceRef,
} from '@atrium/kernel';

/** How long a decision waits for the rbac plugin to load the live policy at startup. */
const READY_TIMEOUT_MS = 30_000;

/**
 * The bridge between the backend's single policy (a root service) and the rbac plugin
 * (plugin-scoped, with its own database): the plugin installs the live policy here once
 * loaded; decisions asked earlier wait for it, and deny if it never comes.
 */
export interface RbacPolicyHolder {
  /** The policy the backend uses: it delegates to what the plugin installed. */
  readonly policy: PermissionPolicy;
  install(policy: PermissionPolicy): void;
}

function createRbacPolicyHolder(): RbacPolicyHolder {
  let installed: PermissionPolicy | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const waitReady = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
      timer.unref();
    });
    const result = await Promise.race([ready.then(() => true as const), timeout]);
    clearTimeout(timer);
    return result;
  };
  return {
    policy: {
      async handle(request, context): Promise<PolicyDecision> {
        if (!installed && !(await waitReady())) return { result: 'DENY' };
        return installed!.handle(request, context);
      },
    },
    install(policy) {
      installed = policy;
      markReady();
    },
  };
}

/** The root service that links the rbac plugin to the backend's permission policy. */
export const rbacPolicyHolderRef: ServiceRef<RbacPolicyHolder, 'root'> = defineServiceRef<
  RbacPolicyHolder,
  'root'
>({
  id: 'rbac.policyHolder',
  scope: 'root',
  // Called lazily at boot, after this module has defined the factory below.
  defaultFactory: async (): Promise<ServiceFactory<RbacPolicyHolder, 'root'>> => rbacPolicyHolderFactory,
});

const rbacPolicyHolderFactory: ServiceFactory<RbacPolicyHolder, 'root'> = defineServiceFactory({
  service: rbacPolicyHolderRef,
  deps: {},
  factory: () => createRbacPolicyHolder(),
});

/**
 * Makes the rbac plugin's live policy the backend's permission policy. Installed along
 * with the plugin when `@atrium/rbac/backend` is listed in `backend.features`.
 *
 * @example
 * backend.add(rbacPlugin);
 * backend.add(rbacPermissionPolicyFactory);
 */
export const rbacPermissionPolicyFactory = defineServiceFactory({
  service: coreServices.permissionPolicy,
  deps: { holder: rbacPolicyHolderRef },
  factory: ({ holder }) => holder.policy,
});
