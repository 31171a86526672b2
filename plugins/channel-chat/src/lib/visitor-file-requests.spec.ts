import { DomainException, ErrorCode, type ChatSiteSettings } from '@switchboard/contracts';
import type { ChannelAccount } from '@switchboard/plugin-sdk';
import { contactOf, FileDownloadRequest, FileUploadRequest, readFields } from './visitor-file-requests';
import { identitySignature, newVisitorToken, visitorAddress } from './visitor-identity';

const site = { id: 'site-1', channelId: 'chat', name: 'Shop', enabled: true, settings: { identitySecret: 'secret-of-the-site' } } as ChannelAccount<ChatSiteSettings>;

const problemOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainException) return { code: error.code, details: error.details };
    throw error;
  }
  return null;
};

describe("a visitor's file request", () => {
  const token = newVisitorToken();

  it('reads its multipart fields and names the first bad one', () => {
    expect(readFields(FileUploadRequest, { visitorToken: token, clientId: 'f-1' })).toMatchObject({ visitorToken: token, clientId: 'f-1' });
    expect(problemOf(() => readFields(FileUploadRequest, { visitorToken: token, clientId: 'a b' }))).toMatchObject({ code: ErrorCode.ValidationFailed, details: [{ field: 'clientId' }] });
    expect(problemOf(() => readFields(FileDownloadRequest, { visitorToken: 'short' }))).toMatchObject({ details: [{ field: 'visitorToken' }] });
    expect(problemOf(() => readFields(FileDownloadRequest, { visitorToken: token, admin: 'yes' }))).toMatchObject({ details: [{ field: 'admin' }] });
    // multer's fields object has no prototype.
    expect(readFields(FileDownloadRequest, Object.assign(Object.create(null), { visitorToken: token }))).toMatchObject({ visitorToken: token });
  });

  it("speaks for the token's visitor, or for the identity the site signed; a wrong signature is refused", () => {
    expect(contactOf(site, { visitorToken: token })).toEqual({ channelId: 'chat', accountId: 'site-1', contactAddress: visitorAddress(token) });
    // An identity without a signature is no identity (as at the socket's handshake).
    expect(contactOf(site, { visitorToken: token, identityId: 'customer-7' }).contactAddress).toBe(visitorAddress(token));
    const signed = contactOf(site, { visitorToken: token, identityId: 'customer-7', identitySignature: identitySignature('secret-of-the-site', 'customer-7') });
    expect(signed.contactAddress).not.toBe(visitorAddress(token));
    expect(contactOf(site, { visitorToken: newVisitorToken(), identityId: 'customer-7', identitySignature: identitySignature('secret-of-the-site', 'customer-7') })).toEqual(signed);
    expect(problemOf(() => contactOf(site, { visitorToken: token, identityId: 'customer-7', identitySignature: identitySignature('another-secret', 'customer-7') }))).toMatchObject({
      code: ErrorCode.Forbidden,
    });
  });
});
