import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { ChannelPlugin } from '../lib/channel-plugin';
import type { ChannelPluginDefinition } from '../lib/define-channel-plugin';
import { CHANNEL_ACCOUNTS, CLIENT_ADDRESS, CONTACT_CONVERSATIONS, INTERACTION_INTAKE, JOB_QUEUE, type ClientAddress } from '../lib/kernel-services';
import { FakeContactConversations, FakeInteractionIntake, InMemoryChannelAccounts, RecordingJobQueue } from './fake-kernel';

export interface PluginHarness {
  channel: ChannelPlugin;
  intake: FakeInteractionIntake;
  accounts: InMemoryChannelAccounts;
  conversations: FakeContactConversations;
  jobs: RecordingJobQueue;
  close(): Promise<void>;
}

function fakeKernelModule(intake: FakeInteractionIntake, accounts: InMemoryChannelAccounts, conversations: FakeContactConversations, jobs: RecordingJobQueue): DynamicModule {
  @Global()
  @Module({})
  class FakeKernelModule {}
  const providers = [
    { provide: INTERACTION_INTAKE, useValue: intake },
    { provide: CHANNEL_ACCOUNTS, useValue: accounts },
    { provide: CONTACT_CONVERSATIONS, useValue: conversations },
    { provide: JOB_QUEUE, useValue: jobs },
    // No proxy is trusted in tests: the peer's own address.
    { provide: CLIENT_ADDRESS, useValue: { of: (peer) => peer.address } satisfies ClientAddress },
  ];
  return { module: FakeKernelModule, providers, exports: providers.map((p) => p.provide) };
}

/** Boots a plugin's module with fake kernel services, as the kernel would boot it. */
export async function createPluginHarness(definition: ChannelPluginDefinition): Promise<PluginHarness> {
  const intake = new FakeInteractionIntake();
  const accounts = new InMemoryChannelAccounts();
  const jobs = new RecordingJobQueue();
  const conversations = new FakeContactConversations(intake);
  const moduleRef = await Test.createTestingModule({
    imports: [fakeKernelModule(intake, accounts, conversations, jobs), definition.module],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  const channel = app.get(definition.channel, { strict: false });
  return { channel, intake, accounts, conversations, jobs, close: () => app.close() };
}
