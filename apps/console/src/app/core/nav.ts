import { InjectionToken, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import type { Role } from '@switchboard/contracts';

/** One entry of the side navigation. */
export interface NavItem {
  path: string;
  label: string;
  /** A Material Symbols name. */
  icon: string;
  /** Roles that see it; everyone when absent. */
  roles?: Role[];
  /** Highlight only on this exact path (for `/`). */
  exact?: boolean;
}

export const NAV_ITEMS = new InjectionToken<NavItem[][]>('NAV_ITEMS');

/** Each console module adds its pages to the side navigation with this. */
export function provideNavItems(...items: NavItem[]): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: NAV_ITEMS, useValue: items, multi: true }]);
}
