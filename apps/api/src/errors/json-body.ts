import { DomainException, ErrorCode } from '@switchboard/contracts';
import { json, type ErrorRequestHandler, type RequestHandler } from 'express';

/** JSON bodies up to 1 MB; uploads use multipart routes of their own. */
export const jsonBody: RequestHandler = json({ limit: '1mb' });

/** Turns body-parser's errors into coded ones before Nest's filter sees them. */
export const jsonBodyErrors: ErrorRequestHandler = (error: { type?: string }, _request, _response, next) => {
  if (error?.type === 'entity.parse.failed') return next(new DomainException(ErrorCode.InvalidJson, 'The request body is not valid JSON'));
  if (error?.type === 'entity.too.large') return next(new DomainException(ErrorCode.PayloadTooLarge, 'The request body is larger than 1 MB'));
  next(error);
};
