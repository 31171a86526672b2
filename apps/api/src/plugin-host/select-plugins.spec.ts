import { echoPlugin, echoVariant } from '@switchboard/plugin-sdk/testing';
import { selectPlugins } from './select-plugins';

describe('selectPlugins', () => {
  const other = echoVariant('other');

  it('runs every installed plugin by default', () => {
    expect(selectPlugins([echoPlugin, other], 'all')).toEqual([echoPlugin, other]);
  });

  it('runs only the chosen ones', () => {
    expect(selectPlugins([echoPlugin, other], ['other'])).toEqual([other]);
  });

  it('refuses two plugins with one id', () => {
    expect(() => selectPlugins([echoPlugin, echoVariant('echo')], 'all')).toThrow('Two installed plugins have the id "echo"');
  });

  it('refuses an id that is not installed and lists what is', () => {
    expect(() => selectPlugins([echoPlugin], ['sms'])).toThrow('SWITCHBOARD_PLUGINS names "sms", which is not installed (installed: echo)');
  });

  it('refuses an invalid manifest', () => {
    const broken = { ...echoPlugin, manifest: { ...echoPlugin.manifest, defaultCapacity: -2 } };
    expect(() => selectPlugins([broken], 'all')).toThrow(/Plugin "echo" has an invalid manifest: defaultCapacity/);
  });
});
