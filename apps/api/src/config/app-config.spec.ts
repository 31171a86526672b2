import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', DATABASE_POOL_SIZE: 10, SWITCHBOARD_PLUGINS: 'all', ADMIN_USERNAME: 'admin' });
    expect(config.mode).toBe('embedded');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.pluginSelection).toBe('all');
  });

  it('reads server mode and lists of plugins', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/sb', REDIS_URL: 'redis://cache:6379', SWITCHBOARD_PLUGINS: 'chat, email' });
    expect(config.PORT).toBe(8080);
    expect(config.mode).toBe('server');
    expect(config.pluginSelection).toEqual(['chat', 'email']);
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ HOME: '/root', PATH: '/bin' })).not.toThrow();
  });

  it('names a non-numeric PORT and what is expected, on one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(new ConfigError('Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")'));
  });

  it('names every bad variable at once and never echoes a secret', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', LOG_LEVEL: 'loud' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('DATABASE_URL must be a postgres:// URL');
    expect(message).toContain('JWT_SECRET must be at least 32 characters');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).not.toContain('short');
    expect(message).not.toContain('\n');
  });
});
