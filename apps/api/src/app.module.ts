import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AuditModule, auditMigrations } from '@switchboard/audit';
import { AttachmentsModule, ConversationsModule, conversationsMigrations } from '@switchboard/conversations';
import { DbModule, type DatabaseHandle } from '@switchboard/db';
import { JobsModule } from '@switchboard/jobs';
import type { ChannelPluginDefinition } from '@switchboard/plugin-sdk';
import { MailModule, mailMigrations } from '@switchboard/mail';
import { AuthGuard, MaskingInterceptor, SecurityModule, securityMigrations } from '@switchboard/security';
import { PermissionsGuard } from '@switchboard/permissions';
import { queuesMigrations } from '@switchboard/queues';
import { RoutingModule, routingMigrations } from '@switchboard/routing';
import { SitesModule, sitesMigrations } from '@switchboard/sites';
import { StaffModule, staffMigrations } from '@switchboard/staff';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { APP_CONFIG } from './app-config.token';
import type { AppConfig } from './config/app-config';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { validationException } from './errors/validation-exception.factory';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { loggerModule } from './logger.module';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { PluginHostModule } from './plugin-host/plugin-host.module';
import { RealtimeModule } from './realtime/realtime.module';

export interface AppModuleOptions {
  config: AppConfig;
  database: DatabaseHandle;
  plugins: ChannelPluginDefinition[];
}

/** Every module's migrations; TypeORM runs them in the order of their timestamps. */
const migrations = [
  ...staffMigrations,
  ...securityMigrations,
  ...queuesMigrations,
  ...auditMigrations,
  ...mailMigrations,
  ...conversationsMigrations,
  ...routingMigrations,
  ...sitesMigrations,
];

/** Serves the built console at `/` (with its client-side routes) when it has been built. */
function consoleModule(config: AppConfig): DynamicModule[] {
  const rootPath = resolve(config.CONSOLE_DIR);
  if (!existsSync(resolve(rootPath, 'index.html'))) return [];
  return [ServeStaticModule.forRoot({ rootPath, exclude: ['/api/{*path}', '/metrics', '/socket.io/{*path}', '/widget.js', '/chat/invite/{*path}'] })];
}

/** The kernel: composes the modules; holds no logic of its own. */
@Module({})
export class AppModule {
  static forRoot({ config, database, plugins }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule(config),
        DbModule.forRoot({ handle: database, migrations }),
        JobsModule.forRoot({ redisUrl: config.REDIS_URL, redisPrefix: config.REDIS_KEY_PREFIX }),
        AuditModule,
        MailModule.forRoot({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
        StaffModule.forRoot({ licenseSeats: config.LICENSE_SEATS }),
        SecurityModule.forRoot({
          jwtSecret: config.JWT_SECRET,
          accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL,
          refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL,
          publicUrl: config.publicUrl,
          loginThrottle: { perIp: config.LOGIN_THROTTLE_PER_IP, perAccount: config.LOGIN_THROTTLE_PER_ACCOUNT, windowSeconds: config.LOGIN_THROTTLE_WINDOW },
          redis: config.sharedRedis,
          firstAdmin: { username: config.ADMIN_USERNAME, email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD },
        }),
        ConversationsModule,
        AttachmentsModule.forRoot({ maxBytes: config.ATTACHMENT_MAX_BYTES }),
        SitesModule.forRoot({ publicUrl: config.publicUrl }),
        RoutingModule.forRoot({ presenceGraceSeconds: config.PRESENCE_GRACE_SECONDS, tickMs: config.ROUTING_TICK_MS, reconcileSeconds: config.ROUTING_RECONCILE_SECONDS }),
        RealtimeModule.forRoot({ redis: config.sharedRedis }),
        PluginHostModule.forRoot(plugins, { trustedProxies: config.trustedProxies }),
        ...consoleModule(config),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        HealthService,
        MetricsService,
        // Sign-in first, then the route's permissions.
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_GUARD, useClass: PermissionsGuard },
        { provide: APP_INTERCEPTOR, useExisting: MaskingInterceptor },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationException }),
        },
      ],
    };
  }
}
