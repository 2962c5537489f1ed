/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** DOM helpers shared by the SpecChain webviews. Text reaches the page only through textContent. */
import type { ToExtension } from '../../src/sidebar/messages';

/** The webview host's API (`acquireVsCodeApi`), typed by the page's saved state. */
export interface HostApi<State> {
  postMessage(message: ToExtension): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare global {
  function acquireVsCodeApi<State>(): HostApi<State>;
}

/** The host API; callable once per page. */
export function host<State>(): HostApi<State> {
  return acquireVsCodeApi<State>();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

/** An element with classes and text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A codicon, hidden from screen readers (its meaning is in the row's label). */
export function icon(name: string): HTMLSpanElement {
  const node = el('span', `codicon codicon-${name}`);
  node.setAttribute('aria-hidden', 'true');
  return node;
}

/** A button with an icon and text. */
export function button(className: string, iconName: string | undefined, text: string, onClick: () => void): HTMLButtonElement {
  const node = el('button', className);
  node.type = 'button';
  if (iconName) node.append(icon(iconName), document.createTextNode(' '));
  node.append(document.createTextNode(text));
  node.addEventListener('click', onClick);
  return node;
}

/** Messages from the extension, typed; anything without a string `type` is dropped. */
export function onMessage<T extends { readonly type: string }>(handle: (message: T) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') handle(data as T);
  });
}
