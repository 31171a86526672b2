import 'reflect-metadata';
import { startSwitchboard, type RunningSwitchboard } from './bootstrap';
import { loadConfig } from './config/app-config';

/** Prints why start failed on one line (the full error only with LOG_LEVEL=debug) and exits. */
function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Switchboard cannot start: ${message.split('\n')[0]}\n`);
  if (process.env['LOG_LEVEL'] === 'debug' || process.env['LOG_LEVEL'] === 'trace') console.error(error);
  process.exit(1);
}

async function main(): Promise<void> {
  let running: RunningSwitchboard;
  try {
    const config = loadConfig(process.env);
    running = await startSwitchboard(config);
    process.stdout.write(`Switchboard is running at ${config.PUBLIC_URL ?? running.url} (${config.mode} mode)\n`);

    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`${signal}: stopping Switchboard…\n`);
      const timer = setTimeout(() => {
        process.stderr.write(`Shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting anyway\n`);
        process.exit(1);
      }, config.SHUTDOWN_TIMEOUT_MS);
      timer.unref();
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Shutdown failed: ${(error as Error).message}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  } catch (error) {
    fail(error);
  }
}

void main();
