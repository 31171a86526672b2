import type { SiteEmbed } from '@switchboard/contracts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The embed snippet (one async script tag carrying the site key) and the "test my module" page. */
export function embedOf(publicUrl: string, siteKey: string): SiteEmbed {
  const base = publicUrl.replace(/\/$/, '');
  return {
    snippet: `<script async src="${base}/widget.js" data-site-key="${siteKey}"></script>`,
    testPageUrl: `${base}/api/v1/sites/by-key/${siteKey}/test`,
  };
}

/** What a page carrying a site's chat box says around it (plain text: escaped here). */
export interface WidgetPageContent {
  title: string;
  heading: string;
  text: string;
  /** More `data-*` attributes of the widget's script tag (names are ours; values escaped). */
  attributes?: Record<string, string>;
}

/**
 * A page served by the API that carries one site's chat box exactly as the site's snippet puts
 * it on the site's pages (seed 002's "test my module", the invitation page of seed 001).
 */
export function widgetPageHtml(publicUrl: string, siteKey: string, content: WidgetPageContent): string {
  const extra = Object.entries(content.attributes ?? {})
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  const snippet = embedOf(publicUrl, siteKey).snippet.replace('></script>', `${extra}></script>`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.title)}</title></head>
<body>
<h1>${escapeHtml(content.heading)}</h1>
<p>${escapeHtml(content.text)}</p>
${snippet}
</body>
</html>
`;
}
