import { DEFAULT_PRE_CHAT_FIELDS, type PreChatField } from '@switchboard/contracts';
import { describeChannelPluginContract } from '@switchboard/plugin-sdk/testing';
import { chatPlugin } from './index';
import { emailOf, nameOf, preChatAnswers } from './lib/pre-chat';
import { isVisitorToken, newVisitorToken, visitorAddress } from './lib/visitor-identity';
import { parse, RequestProblem, SendMessageRequest } from './lib/visitor-requests';

describeChannelPluginContract(chatPlugin, {
  // Without a connected visitor the message waits in the conversation; send still answers our id.
  prepareSend: async () => ({
    interaction: { id: 'i-1', channelId: 'chat', accountId: 'site-1', contactAddress: visitorAddress(newVisitorToken()) },
    message: { id: 'm-1', body: 'Hello' },
  }),
});

const problem = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof RequestProblem) return { field: error.field, message: error.message };
    throw error;
  }
  return null;
};

describe('visitor identity', () => {
  it('gives each visitor a fresh 256-bit token and an address that does not reveal it', () => {
    const [a, b] = [newVisitorToken(), newVisitorToken()];
    expect(a).not.toBe(b);
    expect(isVisitorToken(a)).toBe(true);
    expect(isVisitorToken('short')).toBe(false);
    expect(isVisitorToken(`${a}x`)).toBe(false);
    expect(visitorAddress(a)).toBe(visitorAddress(a));
    expect(visitorAddress(a)).not.toContain(a);
    expect(visitorAddress(a)).not.toBe(visitorAddress(b));
  });
});

describe('pre-chat answers', () => {
  const fields: PreChatField[] = [...DEFAULT_PRE_CHAT_FIELDS, { key: 'order', label: 'Order number', type: 'text', required: true }];

  it('keeps the asked fields, trimmed, and names the first missing or malformed one', () => {
    expect(preChatAnswers(fields, { name: ' Eva ', email: 'eva@example.org', order: '42', extra: 'dropped' })).toEqual({ name: 'Eva', email: 'eva@example.org', order: '42' });
    expect(problem(() => preChatAnswers(fields, { name: 'Eva' }))).toEqual({ field: 'fields.order', message: 'Order number is required' });
    expect(problem(() => preChatAnswers(fields, { name: 'Eva', order: '1', email: 'nope' }))).toMatchObject({ field: 'fields.email' });
    expect(problem(() => preChatAnswers(fields, { name: '   ', order: '1' }))).toMatchObject({ field: 'fields.name' });
  });

  it('finds the name and the e-mail by their field types', () => {
    const answers = { name: 'Eva', email: 'eva@example.org' };
    expect(nameOf(fields, answers)).toBe('Eva');
    expect(emailOf(fields, answers)).toBe('eva@example.org');
    expect(nameOf([], answers)).toBeUndefined();
  });
});

describe('visitor requests', () => {
  it('accepts a well-formed message and names the field of a bad one', () => {
    expect(parse(SendMessageRequest, { clientId: 'abc-1', body: 'Hi', fields: { name: 'Eva' } })).toMatchObject({ clientId: 'abc-1', body: 'Hi' });
    expect(problem(() => parse(SendMessageRequest, { clientId: 'abc', body: 42 }))).toMatchObject({ field: 'body' });
    expect(problem(() => parse(SendMessageRequest, { clientId: 'a b', body: 'Hi' }))).toMatchObject({ field: 'clientId' });
    expect(problem(() => parse(SendMessageRequest, { clientId: 'a', body: 'x'.repeat(4001) }))).toMatchObject({ field: 'body' });
    expect(problem(() => parse(SendMessageRequest, { clientId: 'a', body: 'Hi', admin: true }))).toMatchObject({ field: 'admin' });
    expect(problem(() => parse(SendMessageRequest, { clientId: 'a', body: 'Hi', fields: { name: 7 } }))).toMatchObject({ field: 'fields.name' });
    expect(problem(() => parse(SendMessageRequest, [1, 2]))).toMatchObject({ message: 'The request must be an object' });
    expect(problem(() => parse(SendMessageRequest, null))).toMatchObject({ message: 'The request must be an object' });
  });
});
