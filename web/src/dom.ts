/**
 * Builds DOM nodes from data. Article text is untrusted: it only ever reaches the page through
 * `textContent` (never innerHTML), so markup inside an article shows as text.
 */
import { visibleUrl, withoutBidiControls } from '../../src/core/printable.js';

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

/**
 * A link only for http(s) URLs; any other scheme (javascript:, data:) is shown as text. Bidi
 * controls are dropped from the label and invisible characters of the URL percent-encoded, and
 * the link is isolated (dir=auto), so that no title or URL reorders or hides what it shows.
 */
export function safeLink(url: string | null, rawLabel: string): Node {
  const label = withoutBidiControls(rawLabel);
  const href = url === null ? null : visibleUrl(url);
  if (href && /^https?:\/\//i.test(href))
    return el('a', { text: label, attrs: { href, rel: 'noopener noreferrer', target: '_blank', dir: 'auto' } });
  return el('span', { text: href ? `${label} (${href})` : label, attrs: { dir: 'auto' } });
}

/** A name from an article (a title, an outlet) for display among other text. */
export function shownText(s: string): string {
  return withoutBidiControls(s);
}

/** The page's element with this id, checked to be of the kind the code expects (index.html is the contract). */
export function byId<T extends Element>(id: string, kind: { new (): T; prototype: T }): T {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`index.html: #${id} is missing or not a ${kind.name}`);
  return node;
}

/** A form's input by name. */
export function inputNamed(form: HTMLFormElement, name: string): HTMLInputElement {
  const node = form.elements.namedItem(name);
  if (!(node instanceof HTMLInputElement)) throw new Error(`form #${form.id}: no input named "${name}"`);
  return node;
}

/** A text field's value (FormData gives files too, which these forms have none of). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/** What a caught error says. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
