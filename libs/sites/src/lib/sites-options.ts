/** Options of the sites module (from the kernel's configuration). */
export interface SitesOptions {
  /** The address browsers reach the API at: embed snippets and test pages point there. */
  publicUrl: string;
}
export const SITES_OPTIONS = Symbol('SITES_OPTIONS');
