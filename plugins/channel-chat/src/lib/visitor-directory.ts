import { Inject, Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, personalData, type ChatServerEvents, type OnlineVisitor } from '@switchboard/contracts';
import { CONTACT_CONVERSATIONS, type ContactConversations } from '@switchboard/plugin-sdk';
import type { Namespace } from 'socket.io';
import { siteRoom, visitorRoom } from './visitor-identity';
import type { VisitorData } from './visitor.gateway';

const CHANNEL = 'chat';

type VisitorNamespace = Namespace<Record<string, never>, ChatServerEvents, Record<string, never>, VisitorData>;

/**
 * Visitor tracking (seed 000): the visitors with the chat box open right now, read from the
 * visitor sockets of every node (the socket server's adapter asks them all), one entry per
 * visitor however many tabs they have open.
 */
@Injectable()
export class VisitorDirectory {
  private namespace?: VisitorNamespace;

  constructor(@Inject(CONTACT_CONVERSATIONS) private readonly conversations: ContactConversations) {}

  attach(namespace: VisitorNamespace): void {
    this.namespace = namespace;
  }

  /** Everyone browsing (one site's visitors, or every site's), those on the site longest first. */
  async online(siteId?: string): Promise<OnlineVisitor[]> {
    if (!this.namespace) return [];
    const sockets = await answered((siteId ? this.namespace.in(siteRoom(siteId)) : this.namespace).fetchSockets());
    const visitors = new Map<string, VisitorData[]>();
    for (const { data } of sockets) {
      if (!data?.contact) continue;
      const key = `${data.siteId} ${data.contact.contactAddress}`;
      visitors.set(key, [...(visitors.get(key) ?? []), data]);
    }
    const tabsOf = [...visitors.values()];
    const open = await this.conversations.openOf(CHANNEL, tabsOf.map(([first]) => ({ accountId: first.siteId, contactAddress: first.contact.contactAddress })));
    const openByKey = new Map(open.map((o) => [`${o.accountId} ${o.contactAddress}`, o]));
    return tabsOf
      .map((tabs) => {
        // The tab opened last shows where the visitor is now.
        const latest = tabs.reduce((a, b) => (lastAt(b) > lastAt(a) ? b : a));
        const chat = openByKey.get(`${latest.siteId} ${latest.contact.contactAddress}`);
        return personalData<OnlineVisitor>({
          id: latest.contact.contactAddress,
          siteId: latest.siteId,
          siteName: latest.siteName,
          name: latest.identity?.name ?? chat?.contactName ?? null,
          identified: Boolean(latest.identity),
          currentPage: latest.visit.pages[latest.visit.pages.length - 1] ?? null,
          pages: latest.visit.pages,
          referrer: latest.visit.referrer,
          startedAt: tabs.map((t) => t.visit.startedAt).sort()[0] ?? latest.visit.startedAt,
          tabs: tabs.length,
          interactionId: chat?.interactionId ?? null,
          invited: tabs.some((t) => t.invited !== null),
        });
      })
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  }

  /** One visitor, if they have a tab open on the site (on any node): whether they chat now. */
  async visitor(siteId: string, visitorId: string): Promise<{ interactionId: string | null } | null> {
    if (!this.namespace) return null;
    const tabs = await answered(this.namespace.in(visitorRoom(siteId, visitorId)).fetchSockets());
    if (!tabs.length) return null;
    const [open] = await this.conversations.openOf(CHANNEL, [{ accountId: siteId, contactAddress: visitorId }]);
    return { interactionId: open?.interactionId ?? null };
  }
}

/** The sockets of every node, or 503 when a node does not answer in time (the adapter's request timeout). */
async function answered<T>(fetching: Promise<T>): Promise<T> {
  try {
    return await fetching;
  } catch {
    throw new DomainException(ErrorCode.Unavailable, 'Not every server answered in time: try again');
  }
}

const lastAt = (data: VisitorData): string => data.visit.pages[data.visit.pages.length - 1]?.at ?? data.visit.startedAt;
