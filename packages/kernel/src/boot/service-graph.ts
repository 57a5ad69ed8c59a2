import type { AtriumError } from '@atrium/errors';
import type { ServiceFactory } from '../definitions/service-factory.js';
import type { ServiceRef, ServiceRefs, ServiceScope } from '../definitions/service-ref.js';
import { kernelErrors } from './kernel-errors.js';

type AnyRef = ServiceRef<unknown, ServiceScope>;
type AnyFactory = ServiceFactory<unknown>;

/** A feature that depends on services: a plugin or a module, named for error messages. */
export interface Dependant {
  label: string;
  deps: ServiceRefs;
}

/** Refs the container provides itself, without a factory. */
const BUILT_IN = new Set(['core.pluginMetadata']);

/**
 * Resolves the factory of every service reachable from the dependants (a user's factory
 * wins over a ref's default) and checks the graph: missing services, root services
 * depending on plugin services, and cycles, printed as a chain.
 */
export async function resolveServiceGraph(
  dependants: readonly Dependant[],
  explicit: ReadonlyMap<string, AnyFactory>,
): Promise<{ factories: Map<string, AnyFactory>; problems: AtriumError[] }> {
  const factories = new Map<string, AnyFactory>();
  const problems: AtriumError[] = [];
  const reported = new Set<string>();

  async function factoryFor(ref: AnyRef, dependant: string): Promise<AnyFactory | undefined> {
    const known = factories.get(ref.id);
    if (known) return known;
    const factory = explicit.get(ref.id) ?? (ref.defaultFactory ? await ref.defaultFactory() : undefined);
    if (!factory) {
      if (!reported.has(`${dependant}->${ref.id}`)) {
        reported.add(`${dependant}->${ref.id}`);
        problems.push(kernelErrors.missingService(dependant, ref.id));
      }
      return undefined;
    }
    factories.set(ref.id, factory);
    for (const dep of Object.values(factory.deps)) {
      if (factory.service.scope === 'root' && dep.scope === 'plugin') {
        problems.push(kernelErrors.serviceScope(ref.id, dep.id));
        continue;
      }
      if (!BUILT_IN.has(dep.id)) await factoryFor(dep, `service '${ref.id}'`);
    }
    return factory;
  }

  for (const dependant of dependants) {
    for (const ref of Object.values(dependant.deps)) {
      if (!BUILT_IN.has(ref.id)) await factoryFor(ref, dependant.label);
    }
  }
  for (const factory of explicit.values()) await factoryFor(factory.service, 'backend.add');

  const cycles = findCycles(factories);
  for (const chain of cycles) problems.push(kernelErrors.dependencyCycle(chain));
  return { factories, problems };
}

function findCycles(factories: ReadonlyMap<string, AnyFactory>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    const status = state.get(id);
    if (status === 'done') return;
    if (status === 'visiting') {
      const chain = [...stack.slice(stack.indexOf(id)), id];
      const key = [...chain.slice(0, -1)].sort().join(',');
      if (!seen.has(key)) {
        seen.add(key);
        cycles.push(chain);
      }
      return;
    }
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of Object.values(factories.get(id)?.deps ?? {})) {
      if (factories.has(dep.id)) visit(dep.id);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of factories.keys()) visit(id);
  return cycles;
}
