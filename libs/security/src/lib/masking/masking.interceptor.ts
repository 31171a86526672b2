import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { maskSensitive, type CurrentUser } from '@switchboard/contracts';
import { mergeMap, type Observable } from 'rxjs';
import { SecuritySettingsService } from '../settings/security-settings.service';

/**
 * "Mask Sensitive Data": for a user with the flag, every contact in every JSON answer reaches
 * them masked, whichever module produced it (contacts are branded with `personalData`).
 */
@Injectable()
export class MaskingInterceptor implements NestInterceptor {
  constructor(private readonly settings: SecuritySettingsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const user = context.switchToHttp().getRequest<{ user?: CurrentUser }>().user;
    if (!user?.maskSensitiveData) return next.handle();
    return next.handle().pipe(mergeMap(async (body: unknown) => maskSensitive(body, (await this.settings.get()).maskVisibleCharacters)));
  }
}
