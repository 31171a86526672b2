import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import { getMetadataStorage, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** A whole number from min to max, read from a string; one message for every way it can be wrong. */
function IntegerEnv(min: number, max: number, message: string): PropertyDecorator {
  return applyDecorators(Transform(toInt), IsInt({ message }), Min(min, { message }), Max(max, { message }));
}

/**
 * Every setting of the API, read from the environment and validated at start. A bad value
 * stops the process with one line naming the variable (see loadConfig). README lists them.
 */
export class AppConfig {
  @IntegerEnv(1, 65535, 'must be a whole number from 1 to 65535')
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'must be an http(s) URL such as https://support.example.com' })
  PUBLIC_URL?: string;

  @IsString()
  @MinLength(1, { message: 'must be a folder path' })
  DATA_DIR = './data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL such as postgres://user:password@host:5432/switchboard' })
  DATABASE_URL?: string;

  @IntegerEnv(1, 100, 'must be a whole number from 1 to 100')
  DATABASE_POOL_SIZE = 10;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379' })
  REDIS_URL?: string;

  @Matches(/^[A-Za-z0-9_.-]{1,40}$/, { message: 'must be 1-40 letters, digits, ".", "_" or "-"' })
  REDIS_KEY_PREFIX = 'switchboard';

  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Access tokens are short-lived; the console renews them with its refresh cookie. */
  @IntegerEnv(60, 86400, 'must be a number of seconds from 60 to 86400')
  ACCESS_TOKEN_TTL = 900;

  /** How long a session (its refresh tokens) lasts before signing in again. */
  @IntegerEnv(300, 90 * 86400, 'must be a number of seconds from 300 to 7776000')
  REFRESH_TOKEN_TTL = 7 * 86400;

  /** Failed sign-ins allowed per client IP in LOGIN_THROTTLE_WINDOW. */
  @IntegerEnv(1, 1_000_000, 'must be a whole number from 1 to 1000000')
  LOGIN_THROTTLE_PER_IP = 50;

  /** Failed sign-ins allowed per login name in LOGIN_THROTTLE_WINDOW (across every IP). */
  @IntegerEnv(1, 1_000_000, 'must be a whole number from 1 to 1000000')
  LOGIN_THROTTLE_PER_ACCOUNT = 10;

  @IntegerEnv(1, 86400, 'must be a number of seconds from 1 to 86400')
  LOGIN_THROTTLE_WINDOW = 900;

  /** Seconds an agent may be without an open console before going offline (their offers move on). */
  @IntegerEnv(2, 3600, 'must be a number of seconds from 2 to 3600')
  PRESENCE_GRACE_SECONDS = 30;

  /** Milliseconds between passes of the routing clock (offer timeouts, auto answer, overflow). */
  @IntegerEnv(50, 5000, 'must be a number of milliseconds from 50 to 5000')
  ROUTING_TICK_MS = 250;

  /** Seconds between two runs of the reconciler, which repairs loads and reservations that no transaction should leave behind. */
  @IntegerEnv(5, 86400, 'must be a number of seconds from 5 to 86400')
  ROUTING_RECONCILE_SECONDS = 30;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.com:465' })
  SMTP_URL?: string;

  @IsEmail({}, { message: 'must be an e-mail address' })
  MAIL_FROM = 'switchboard@switchboard.local';

  /** Other origins allowed to call the API from a browser (comma-separated); none by default. */
  @Matches(/^(|https?:\/\/[^\s,/]+(\s*,\s*https?:\/\/[^\s,/]+)*)$/, { message: 'must be a comma-separated list of origins such as https://crm.example.com' })
  CORS_ORIGINS = '';

  /** Reverse proxies whose X-Forwarded-For is believed (Express "trust proxy" list: IPs, CIDRs, loopback). */
  @Matches(/^[0-9A-Za-z.:/,\s]*$/, { message: 'must be a comma-separated list of IP addresses or CIDR ranges such as 10.0.0.0/8' })
  TRUSTED_PROXIES = '';

  @Matches(/^[A-Za-z0-9._]{1,64}$/, { message: 'must be 1-64 letters, digits, "." or "_"' })
  ADMIN_USERNAME = 'admin';

  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(8, { message: 'must be at least 8 characters' })
  @MaxLength(1024, { message: 'must be at most 1024 characters' })
  ADMIN_PASSWORD?: string;

  @IsEmail({}, { message: 'must be an e-mail address' })
  ADMIN_EMAIL = 'admin@switchboard.local';

  @Matches(/^(all|[a-z][a-z0-9-]*(\s*,\s*[a-z][a-z0-9-]*)*)$/, { message: 'must be "all" or a comma-separated list of plugin ids such as chat,email' })
  SWITCHBOARD_PLUGINS = 'all';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' })
  LOG_LEVEL = 'info';

  @IsString()
  CONSOLE_DIR = 'dist/apps/console/browser';

  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  @IntegerEnv(0, 600_000, 'must be a number of milliseconds from 0 to 600000')
  SHUTDOWN_TIMEOUT_MS = 15_000;

  /** Largest file a visitor or an agent may send in a conversation, in bytes (files are kept in the database). */
  @IntegerEnv(1024, 50 * 1024 * 1024, 'must be a number of bytes from 1024 to 52428800 (50 MB)')
  ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

  /** Most active (not disabled) staff accounts; 0 = unlimited. */
  @IntegerEnv(0, 1_000_000, 'must be a whole number from 0 (unlimited) to 1000000')
  LICENSE_SEATS = 0;

  /** `server` when PostgreSQL and Redis are configured, `embedded` otherwise. */
  get mode(): 'embedded' | 'server' {
    return this.DATABASE_URL ? 'server' : 'embedded';
  }

  /** The Redis the nodes share (socket fan-out, notices, throttles), with this installation's key prefix. */
  get sharedRedis(): { url: string; prefix: string } | undefined {
    return this.REDIS_URL ? { url: this.REDIS_URL, prefix: this.REDIS_KEY_PREFIX } : undefined;
  }

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  }

  get trustedProxies(): string[] {
    return this.TRUSTED_PROXIES.split(',').map((proxy) => proxy.trim()).filter(Boolean);
  }

  /** Plugin ids chosen by SWITCHBOARD_PLUGINS, or `all`. */
  get pluginSelection(): 'all' | string[] {
    return this.SWITCHBOARD_PLUGINS === 'all' ? 'all' : this.SWITCHBOARD_PLUGINS.split(',').map((id) => id.trim());
  }
}

/** Thrown for invalid configuration; its message is the one line printed before exiting. */
export class ConfigError extends Error {}

/** The names of the variables AppConfig declares (those with validation rules). */
function configKeys(): Set<string> {
  return new Set(getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false).map((m) => m.propertyName));
}

const SECRET_KEYS = /PASSWORD|SECRET|TOKEN$|SMTP_URL/;

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const keys = configKeys();
  const given = Object.fromEntries(Object.entries(env).filter(([key, value]) => keys.has(key) && value !== undefined));
  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  const errors = validateSync(config);
  if (errors.length) {
    const problems = errors.map((error) => {
      const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
      const shown = SECRET_KEYS.test(error.property) ? '' : ` (got "${String(env[error.property])}")`;
      return `${error.property} ${message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return config;
}
