import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { openDatabase } from '@switchboard/db';
import { INVITATION_PAGE_ROUTE } from '@switchboard/routing';
import type { ChannelPluginDefinition } from '@switchboard/plugin-sdk';
import type { AddressInfo } from 'node:net';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { SWITCHBOARD_VERSION } from './app-config.token';
import type { AppConfig } from './config/app-config';
import { jsonBody, jsonBodyErrors } from './errors/json-body';
import { configureHttpSecurity } from './http-security';
import { MetricsService } from './metrics/metrics.service';
import { selectPlugins } from './plugin-host/select-plugins';
import { installedPlugins } from './plugins';
import { SocketIoAdapter } from './realtime/socket-io.adapter';

export interface RunningSwitchboard {
  app: INestApplication;
  /** The base URL the server listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Stops accepting, drains requests, sockets and jobs, then closes the database. */
  stop(): Promise<void>;
}

function configureHttp(app: INestApplication): void {
  // Outside the prefix: probes, metrics, the chat widget's script (its address is in every embed
  // snippet) and the short links of chat invitations.
  app.setGlobalPrefix('api/v1', { exclude: ['api/health', 'metrics', 'widget.js', INVITATION_PAGE_ROUTE] });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Switchboard API')
      .setDescription('Omnichannel contact center. Errors are `{ statusCode, code, message, details? }`.')
      .setVersion(SWITCHBOARD_VERSION)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * Opens the database, builds the application, and listens. Shared by main.ts and the
 * end-to-end tests, so tests run exactly what production runs.
 */
export async function startSwitchboard(
  config: AppConfig,
  plugins: ChannelPluginDefinition[] = installedPlugins,
): Promise<RunningSwitchboard> {
  const selected = selectPlugins(plugins, config.pluginSelection);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE });
  let app: INestApplication | undefined;
  try {
    app = await NestFactory.create(AppModule.forRoot({ config, database, plugins: selected }), { bufferLogs: true, abortOnError: false, bodyParser: false });
    app.useLogger(app.get(Logger));
    app.getHttpAdapter().getInstance().disable('x-powered-by');
    configureHttpSecurity(app, config);
    app.use(app.get(MetricsService).middleware, jsonBody, jsonBodyErrors);
    app.useWebSocketAdapter(new SocketIoAdapter(app, config.sharedRedis));
    configureHttp(app);
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  const running = app;
  const address = running.getHttpServer().address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return {
    app: running,
    url: `http://${host}:${address.port}`,
    async stop() {
      await running.close();
      await database.close();
    },
  };
}
