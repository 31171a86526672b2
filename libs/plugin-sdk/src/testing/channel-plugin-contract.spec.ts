import { describeChannelPluginContract } from './channel-plugin-contract';
import { echoPlugin } from './fixtures/echo-channel';
import { createPluginHarness } from './plugin-testing-module';
import { ChannelSendError } from '../lib/channel-plugin';

describeChannelPluginContract(echoPlugin, {
  prepareSend: async ({ accounts }) => {
    accounts.put({ id: 'acc-1', channelId: 'echo', name: 'Main', enabled: true, settings: { greeting: 'hi' } });
    return {
      interaction: { id: 'i-1', channelId: 'echo', accountId: 'acc-1', contactAddress: 'visitor-1' },
      message: { id: 'm-1', body: 'Hello' },
    };
  },
});

describe('plugin harness', () => {
  it('gives the plugin the fake kernel services, which surface typed send errors', async () => {
    const harness = await createPluginHarness(echoPlugin);
    try {
      await expect(
        harness.channel.send({ id: 'i', channelId: 'echo', accountId: 'missing', contactAddress: 'x' }, { id: 'm', body: 'b' }),
      ).rejects.toBeInstanceOf(ChannelSendError);
    } finally {
      await harness.close();
    }
  });

  it('dedupes inbound messages on the external id like the kernel intake', async () => {
    const harness = await createPluginHarness(echoPlugin);
    const inbound = { channelId: 'echo', accountId: 'a', contactAddress: 'v', body: 'x', externalMessageId: 'ext-1' };
    const first = await harness.intake.receive(inbound);
    const second = await harness.intake.receive(inbound);
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ ...first, duplicate: true });
    expect(harness.intake.received).toHaveLength(1);
    await harness.close();
  });
});
