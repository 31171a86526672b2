import { echoManifest } from '../testing/fixtures/echo-channel';
import { validateChannelManifest } from './manifest-validation';

describe('validateChannelManifest', () => {
  it('accepts a complete manifest', () => {
    expect(validateChannelManifest(echoManifest)).toEqual([]);
  });

  it('names every problem of a broken manifest', () => {
    const problems = validateChannelManifest({
      ...echoManifest,
      id: 'Bad Id',
      displayName: ' ',
      capabilities: { ...echoManifest.capabilities, typing: 'yes' as unknown as boolean },
      defaultCapacity: -1,
    });
    expect(problems).toEqual([
      expect.stringContaining('id "Bad Id"'),
      'displayName must not be empty',
      'capabilities.typing must be true or false',
      expect.stringContaining('defaultCapacity'),
    ]);
  });

  it('refuses a settings schema that does not compile', () => {
    const problems = validateChannelManifest({ ...echoManifest, settingsSchema: { type: 'object', properties: { a: { type: 'nonsense' } } } });
    expect(problems).toEqual([expect.stringContaining('settingsSchema is not a valid JSON Schema')]);
  });
});
