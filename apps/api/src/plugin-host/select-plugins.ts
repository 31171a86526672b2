import { validateChannelManifest, type ChannelPluginDefinition } from '@switchboard/plugin-sdk';

/**
 * Picks the plugins to run from those installed (apps/api/src/plugins.ts) as
 * SWITCHBOARD_PLUGINS asks, and refuses — with a message naming the culprit — two plugins
 * with one id, an id that is not installed, and an invalid manifest.
 */
export function selectPlugins(installed: ChannelPluginDefinition[], selection: 'all' | string[]): ChannelPluginDefinition[] {
  const byId = new Map<string, ChannelPluginDefinition>();
  for (const plugin of installed) {
    const id = plugin.manifest.id;
    if (byId.has(id)) throw new Error(`Two installed plugins have the id "${id}"; plugin ids must be unique`);
    byId.set(id, plugin);
  }
  const chosen =
    selection === 'all'
      ? installed
      : selection.map((id) => {
          const plugin = byId.get(id);
          if (!plugin) {
            const known = [...byId.keys()].join(', ') || 'none';
            throw new Error(`SWITCHBOARD_PLUGINS names "${id}", which is not installed (installed: ${known})`);
          }
          return plugin;
        });
  for (const plugin of chosen) {
    const problems = validateChannelManifest(plugin.manifest);
    if (problems.length) throw new Error(`Plugin "${plugin.manifest.id}" has an invalid manifest: ${problems.join('; ')}`);
  }
  return chosen;
}
