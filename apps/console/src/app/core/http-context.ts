import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Set on a request whose failure the caller shows itself (in the form), so no toast appears. */
export const SHOWS_OWN_ERRORS = new HttpContextToken<boolean>(() => false);

/** The context of a request whose failure the caller shows itself. */
export function ownErrors(): HttpContext {
  return new HttpContext().set(SHOWS_OWN_ERRORS, true);
}
