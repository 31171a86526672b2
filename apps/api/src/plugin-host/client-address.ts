import proxyAddr from 'proxy-addr';
import type { ClientAddress, PeerInfo } from '@switchboard/plugin-sdk';

/** Plugin-sdk's ClientAddress: X-Forwarded-For counts only from the proxies in TRUSTED_PROXIES, as for HTTP requests. */
export class TrustedProxyClientAddress implements ClientAddress {
  private readonly trust: (address: string, hop: number) => boolean;

  constructor(trustedProxies: string[]) {
    this.trust = trustedProxies.length ? proxyAddr.compile(trustedProxies) : () => false;
  }

  of(peer: PeerInfo): string {
    const request = { connection: { remoteAddress: peer.address }, socket: { remoteAddress: peer.address }, headers: peer.headers };
    return proxyAddr(request as unknown as Parameters<typeof proxyAddr>[0], this.trust);
  }
}
