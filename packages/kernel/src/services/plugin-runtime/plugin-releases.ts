/**
 * What each plugin registered into backend-wide state (event subscriptions, scheduled
 * tasks), so a built-in plugin's boot-time instance can be released when a new
 * generation of it (with a module installed at runtime) takes over.
 */
export interface PluginReleases {
  track(pluginId: string, release: () => void): void;
  /** Runs and forgets every release tracked for the plugin. */
  release(pluginId: string): void;
}

/** Creates the backend's registry of releases. */
export function createPluginReleases(): PluginReleases {
  const byPlugin = new Map<string, Array<() => void>>();
  return {
    track(pluginId, release) {
      const list = byPlugin.get(pluginId) ?? [];
      list.push(release);
      byPlugin.set(pluginId, list);
    },
    release(pluginId) {
      const list = byPlugin.get(pluginId) ?? [];
      byPlugin.delete(pluginId);
      for (const release of list) release();
    },
  };
}

/** For a generation's container: its own wrappers already release what it registered. */
export const untrackedReleases: PluginReleases = {
  track() {
    // The generation's tracked event bus and scheduler hold these.
  },
  release() {
    // Nothing tracked here.
  },
};
