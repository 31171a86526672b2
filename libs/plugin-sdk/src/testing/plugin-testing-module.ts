import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { ChannelPlugin } from '../lib/channel-plugin';
import type { ChannelPluginDefinition } from '../lib/define-channel-plugin';
import { CONTACT_ATTACHMENTS } from '../lib/contact-attachments';
import { CHANNEL_ACCOUNTS, CLIENT_ADDRESS, CONTACT_CONVERSATIONS, INTERACTION_INTAKE, INVITATIONS, JOB_QUEUE, type ClientAddress } from '../lib/kernel-services';
import { FakeContactAttachments, FakeContactConversations, FakeInteractionIntake, FakeInvitations, InMemoryChannelAccounts, RecordingJobQueue } from './fake-kernel';

export interface PluginHarness {
  channel: ChannelPlugin;
  intake: FakeInteractionIntake;
  accounts: InMemoryChannelAccounts;
  conversations: FakeContactConversations;
  attachments: FakeContactAttachments;
  invitations: FakeInvitations;
  jobs: RecordingJobQueue;
  close(): Promise<void>;
}

interface FakeKernel {
  intake: FakeInteractionIntake;
  accounts: InMemoryChannelAccounts;
  conversations: FakeContactConversations;
  attachments: FakeContactAttachments;
  invitations: FakeInvitations;
  jobs: RecordingJobQueue;
}

function fakeKernelModule({ intake, accounts, conversations, attachments, invitations, jobs }: FakeKernel): DynamicModule {
  @Global()
  @Module({})
  class FakeKernelModule {}
  const providers = [
    { provide: INTERACTION_INTAKE, useValue: intake },
    { provide: CHANNEL_ACCOUNTS, useValue: accounts },
    { provide: CONTACT_CONVERSATIONS, useValue: conversations },
    { provide: CONTACT_ATTACHMENTS, useValue: attachments },
    { provide: INVITATIONS, useValue: invitations },
    { provide: JOB_QUEUE, useValue: jobs },
    // No proxy is trusted in tests: the peer's own address.
    { provide: CLIENT_ADDRESS, useValue: { of: (peer) => peer.address } satisfies ClientAddress },
  ];
  return { module: FakeKernelModule, providers, exports: providers.map((p) => p.provide) };
}

/** Boots a plugin's module with fake kernel services, as the kernel would boot it. */
export async function createPluginHarness(definition: ChannelPluginDefinition): Promise<PluginHarness> {
  const intake = new FakeInteractionIntake();
  const conversations = new FakeContactConversations(intake);
  const kernel: FakeKernel = {
    intake,
    accounts: new InMemoryChannelAccounts(),
    conversations,
    attachments: new FakeContactAttachments(conversations),
    invitations: new FakeInvitations(),
    jobs: new RecordingJobQueue(),
  };
  const moduleRef = await Test.createTestingModule({
    imports: [fakeKernelModule(kernel), definition.module],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  const channel = app.get(definition.channel, { strict: false });
  return { channel, ...kernel, close: () => app.close() };
}
