import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this process: Node's defaults plus HTTP request durations. One
 * registry per application instance (tests run several in one process).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'switchboard_http_request_duration_seconds',
    help: 'HTTP request durations by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'switchboard_' });
  }

  /** Express middleware timing every request; routes are labelled by pattern, not by URL. */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.httpDuration.startTimer({ method: request.method });
    response.once('finish', () => {
      const pattern = (request.route as { path?: string } | undefined)?.path;
      stop({ route: pattern ? `${request.baseUrl}${pattern}` : 'unmatched', status: String(response.statusCode) });
    });
    next();
  };
}
