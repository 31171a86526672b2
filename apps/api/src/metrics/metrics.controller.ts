import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ErrorCode, DomainException } from '@switchboard/contracts';
import { bearerToken, Public } from '@switchboard/security';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG } from '../app-config.token';
import type { AppConfig } from '../config/app-config';
import { MetricsService } from './metrics.service';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `GET /metrics` for Prometheus; behind `Authorization: Bearer <METRICS_TOKEN>` when that is set. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    const expected = this.config.METRICS_TOKEN;
    if (expected && !sameSecret(bearerToken(authorization) ?? '', expected)) {
      throw new DomainException(ErrorCode.Unauthenticated, 'A valid metrics token is required');
    }
    return this.metrics.registry.metrics();
  }
}
