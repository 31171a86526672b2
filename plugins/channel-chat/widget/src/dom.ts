export type Child = Node | string | null | undefined | false;
type Attr = string | number | boolean | null | undefined | ((event: Event) => void);

/**
 * Creates an element. Attributes named `on…` with a function become listeners; `true` sets an
 * empty attribute; null, undefined and false set nothing. String children become text nodes, so
 * whatever a visitor or an agent wrote is shown as text, never parsed as markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, Attr> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value != null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child): child is Node | string => child != null && child !== false));
  return node;
}

/** An SVG element (the launcher's icon), built without markup parsing. */
export function svg(tag: string, attrs: Record<string, string>, ...children: Element[]): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Shows or hides an element (the `hidden` attribute; the widget's CSS makes it stick). */
export const show = (node: HTMLElement, visible: boolean): void => {
  node.hidden = !visible;
};
