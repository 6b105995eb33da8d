/**
 * Builds DOM nodes from data. Article text is untrusted: it only ever reaches the page through
 * `textContent` (never innerHTML), so markup inside an article shows as text.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string>; title?: string } = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title) node.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function clear(node: Element): void {
  node.replaceChildren();
}

/** A link only for http(s) URLs; any other scheme (javascript:, data:) is shown as text. */
export function safeLink(url: string | null, label: string): Node {
  if (url && /^https?:\/\//i.test(url))
    return el('a', { text: label, attrs: { href: url, rel: 'noopener noreferrer', target: '_blank' } });
  return el('span', { text: url ? `${label} (${url})` : label });
}
