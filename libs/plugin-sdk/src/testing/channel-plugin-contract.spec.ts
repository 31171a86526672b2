import { describeChannelPluginContract } from './channel-plugin-contract';
import { EchoChannel, echoPlugin } from './fixtures/echo-channel';
import { createPluginHarness } from './plugin-testing-module';

describeChannelPluginContract(echoPlugin, {
  prepareSend: async () => ({
    interaction: { id: 'i-1', channelId: 'echo', accountId: 'acc-1', contactAddress: 'visitor-1' },
    message: { id: 'm-1', body: 'Hello' },
  }),
});

describe('plugin harness', () => {
  it('runs the plugin on the fake kernel: sends become jobs keyed by the message id', async () => {
    const harness = await createPluginHarness(echoPlugin);
    try {
      const interaction = { id: 'i', channelId: 'echo', accountId: 'a', contactAddress: 'v' };
      await harness.channel.send(interaction, { id: 'm-9', body: 'once' });
      await harness.channel.send(interaction, { id: 'm-9', body: 'once' });
      expect(harness.jobs.pending.map((job) => job.id)).toEqual(['m-9']);
      await harness.jobs.runAll();
      expect((harness.channel as EchoChannel).delivered).toEqual([{ interactionId: 'i', message: { id: 'm-9', body: 'once' } }]);
    } finally {
      await harness.close();
    }
  });

  it('surfaces typed send errors', async () => {
    const harness = await createPluginHarness(echoPlugin);
    try {
      await expect(
        harness.channel.send({ id: 'i', channelId: 'echo', accountId: 'a', contactAddress: '' }, { id: 'm', body: 'b' }),
      ).rejects.toMatchObject({ kind: 'rejected' });
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
