import { Injectable } from '@nestjs/common';
import type { ChannelAccount, ChannelAccounts } from '@switchboard/plugin-sdk';
import { ChatAccounts } from '@switchboard/sites';

/** Where each channel's accounts are kept: web chat's are the sites; other channels' join as their issues land. */
@Injectable()
export class ChannelAccountsService implements ChannelAccounts {
  constructor(private readonly chat: ChatAccounts) {}

  async get<T>(channelId: string, accountId: string): Promise<ChannelAccount<T> | null> {
    return channelId === 'chat' ? ((await this.chat.get(accountId)) as ChannelAccount<T> | null) : null;
  }

  async byKey<T>(channelId: string, key: string): Promise<ChannelAccount<T> | null> {
    return channelId === 'chat' ? ((await this.chat.byKey(key)) as ChannelAccount<T> | null) : null;
  }

  async list<T>(channelId: string): Promise<Array<ChannelAccount<T>>> {
    return channelId === 'chat' ? ((await this.chat.list()) as Array<ChannelAccount<T>>) : [];
  }
}
