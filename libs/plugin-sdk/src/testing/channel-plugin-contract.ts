import type { InteractionRef, OutboundMessage } from '../lib/channel-plugin';
import type { ChannelPluginDefinition } from '../lib/define-channel-plugin';
import { validateChannelManifest } from '../lib/manifest-validation';
import { createPluginHarness, type PluginHarness } from './plugin-testing-module';

export interface ContractOptions {
  /**
   * Prepares a send that should succeed (puts accounts in place, points the provider at a
   * local fake) and returns what to send. Without it the send checks are not run.
   */
  prepareSend?: (harness: PluginHarness) => Promise<{ interaction: InteractionRef; message: OutboundMessage }>;
}

/**
 * The shared contract suite every channel plugin runs in its own spec:
 * `describeChannelPluginContract(myPlugin, { prepareSend })`.
 */
export function describeChannelPluginContract(definition: ChannelPluginDefinition, options: ContractOptions = {}): void {
  describe(`channel plugin contract: ${definition.manifest.id}`, () => {
    let harness: PluginHarness;

    beforeAll(async () => {
      harness = await createPluginHarness(definition);
    });
    afterAll(async () => {
      await harness?.close();
    });

    it('has a valid manifest', () => {
      expect(validateChannelManifest(definition.manifest)).toEqual([]);
    });

    it('registers a channel whose manifest is the exported one', () => {
      expect(harness.channel).toBeDefined();
      expect(harness.channel.manifest).toEqual(definition.manifest);
      expect(typeof harness.channel.send).toBe('function');
    });

    if (options.prepareSend) {
      const prepare = options.prepareSend;
      it('returns a provider message id from send()', async () => {
        const { interaction, message } = await prepare(harness);
        const result = await harness.channel.send(interaction, message);
        expect(typeof result.providerMessageId).toBe('string');
        expect(result.providerMessageId.length).toBeGreaterThan(0);
      });
    }
  });
}
