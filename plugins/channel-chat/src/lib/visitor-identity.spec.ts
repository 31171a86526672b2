import { checkIdentity, identitySignature } from './visitor-identity';

const SECRET = 'a'.repeat(64);

describe('a visitor identity the site signs', () => {
  it('is the visitor the site vouches for when the HMAC of the id matches', () => {
    const signature = identitySignature(SECRET, 'customer-7');
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(checkIdentity(SECRET, { id: 'customer-7', name: ' Eva ', email: 'eva@example.org', signature })).toEqual({ kind: 'signed', id: 'customer-7', name: 'Eva', email: 'eva@example.org' });
    // Upper-case hex is the same signature.
    expect(checkIdentity(SECRET, { id: 'customer-7', signature: signature.toUpperCase() }).kind).toBe('signed');
  });

  it('is ignored without a signature, and forged with a wrong or malformed one', () => {
    expect(checkIdentity(SECRET, undefined)).toEqual({ kind: 'anonymous' });
    expect(checkIdentity(SECRET, 'customer-7')).toEqual({ kind: 'anonymous' });
    expect(checkIdentity(SECRET, { id: 'customer-7' })).toEqual({ kind: 'anonymous' });
    expect(checkIdentity(SECRET, { id: 'customer-7', signature: identitySignature('b'.repeat(64), 'customer-7') })).toMatchObject({ kind: 'forged' });
    expect(checkIdentity(SECRET, { id: 'customer-8', signature: identitySignature(SECRET, 'customer-7') })).toMatchObject({ kind: 'forged' });
    expect(checkIdentity(SECRET, { id: 'customer-7', signature: 'zz' })).toMatchObject({ kind: 'forged', reason: expect.stringContaining('hexadecimal') });
    expect(checkIdentity(SECRET, { id: 'x'.repeat(201), signature: identitySignature(SECRET, 'x'.repeat(201)) })).toMatchObject({ kind: 'forged' });
    expect(checkIdentity(SECRET, { id: 42, signature: identitySignature(SECRET, '42') })).toMatchObject({ kind: 'forged' });
  });
});
