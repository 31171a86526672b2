import { Inject, Injectable } from '@nestjs/common';
import { CHAT_LANGUAGES, type ChatLanguage, type ChatSiteSettings, type LayoutVariables, type Site } from '@switchboard/contracts';
import { PageQueryDto, TtlCache } from '@switchboard/db';
import type { ChannelAccount } from '@switchboard/plugin-sdk';
import { DataSource } from 'typeorm';
import { DEFAULT_LAYOUT } from '../layouts/default-layout';
import { renderLayout } from '../layouts/layout-template';
import { SITES_OPTIONS, type SitesOptions } from '../sites-options';
import { SitesService } from './sites.service';

/** The layout's words in the widget's languages. */
const WORDS: Record<ChatLanguage, Pick<LayoutVariables, 'title' | 'greeting' | 'footer'>> = {
  en: { title: 'Chat with us', greeting: 'Hello! How can we help?', footer: 'Powered by Switchboard' },
  cs: { title: 'Napište nám', greeting: 'Dobrý den! Jak vám můžeme pomoci?', footer: 'Běží na Switchboardu' },
  fr: { title: 'Discutez avec nous', greeting: 'Bonjour ! Comment pouvons-nous vous aider ?', footer: 'Propulsé par Switchboard' },
};

/** How long a site read for the widget is reused; a renewed key or a change reaches every node within twice this. */
const CACHE_MS = 2000;

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * The chat channel's accounts (plugin-sdk's ChannelAccounts, for channel `chat`): each enabled site,
 * with what its widget needs — the origins allowed to open it, the pre-chat form and the layout.
 */
@Injectable()
export class ChatAccounts {
  private readonly byKeyCache = new TtlCache<ChannelAccount<ChatSiteSettings> | null>(CACHE_MS);

  constructor(
    private readonly sites: SitesService,
    private readonly dataSource: DataSource,
    @Inject(SITES_OPTIONS) private readonly options: SitesOptions,
  ) {}

  byKey(siteKey: string): Promise<ChannelAccount<ChatSiteSettings> | null> {
    return this.byKeyCache.get(siteKey, async () => {
      const site = await this.sites.byKey(siteKey);
      return site ? this.account(site) : null;
    });
  }

  async get(siteId: string): Promise<ChannelAccount<ChatSiteSettings> | null> {
    const site = await this.sites.get(siteId).catch(() => null);
    return site ? this.account(site) : null;
  }

  async list(): Promise<Array<ChannelAccount<ChatSiteSettings>>> {
    const page = await this.sites.list(Object.assign(new PageQueryDto(), { pageSize: 1000 }));
    return Promise.all(page.items.map((site) => this.account(site)));
  }

  private async account(site: Site): Promise<ChannelAccount<ChatSiteSettings>> {
    const [template, identitySecret] = await Promise.all([this.template(site.layout), this.sites.identitySecretOf(site.id)]);
    const layoutHtml = Object.fromEntries(
      CHAT_LANGUAGES.map((lang) => [lang, renderLayout(template, { ...WORDS[lang], siteName: site.name, siteUrl: site.url, lang })]),
    ) as Record<ChatLanguage, string>;
    const own = site.allowedOrigins.length ? site.allowedOrigins : [originOf(site.url)];
    const allowedOrigins = [...new Set([...own, originOf(this.options.publicUrl)].filter((o): o is string => Boolean(o)))];
    return {
      id: site.id,
      channelId: 'chat',
      name: site.name,
      enabled: site.enabled,
      settings: { siteKey: site.siteKey, url: site.url, allowedOrigins, preChatFields: site.preChatFields, layoutHtml, identitySecret: identitySecret ?? '' },
    };
  }

  private async template(layout: string | null): Promise<string> {
    if (!layout) return DEFAULT_LAYOUT;
    const [row] = await this.dataSource.query('select template from chat_layouts where lower(name) = lower($1)', [layout]);
    return (row as { template: string } | undefined)?.template ?? DEFAULT_LAYOUT;
  }
}
