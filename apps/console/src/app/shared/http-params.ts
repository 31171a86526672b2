import { HttpParams } from '@angular/common/http';

export type ParamValue = string | number | boolean | null | undefined;

/** Query parameters from an object, leaving out empty values. */
export function toParams(values: Record<string, ParamValue>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}
