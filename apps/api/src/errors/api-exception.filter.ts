import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainException, ErrorCode, type ApiError } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { codeOfStatus, STATUS_OF_CODE } from './error-status';

/**
 * Turns everything thrown while handling an HTTP request into `{ statusCode, code, message,
 * details? }`. Unexpected errors become a 500 whose error id is in the log; no stack ever
 * reaches the client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const body = this.toApiError(exception, request);
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json(body);
  }

  toApiError(exception: unknown, request: Request): ApiError {
    if (exception instanceof DomainException) {
      const statusCode = STATUS_OF_CODE[exception.code] ?? 500;
      return { statusCode, code: exception.code, message: exception.message, ...(exception.details === undefined ? {} : { details: exception.details }) };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const routeMissing = statusCode === 404 && /^Cannot [A-Z]+ /.test(exception.message);
      return routeMissing
        ? { statusCode, code: ErrorCode.RouteNotFound, message: `No route ${request.method} ${request.path}` }
        : { statusCode, code: codeOfStatus(statusCode), message: exception.message };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, `Unhandled error ${errorId} on ${request.method} ${request.path}`);
    return { statusCode: 500, code: ErrorCode.Internal, message: 'An unexpected error occurred', details: { errorId } };
  }
}
