/** Attributes of an element; `false` or undefined leaves one out. Event handlers go in `on`. */
export interface Attributes {
  [name: string]: string | number | boolean | undefined | Record<string, EventListener>;
  on?: Record<string, EventListener>;
}

export type Child = Node | string | false | undefined | null | readonly Child[];

/** An element with its attributes and children; text is always set as text, never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "on") {
      for (const [type, listener] of Object.entries(value as Record<string, EventListener>))
        element.addEventListener(type, listener);
    } else if (value === true) element.setAttribute(name, "");
    else if (typeof value === "string" || typeof value === "number") element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === false || child === undefined || child === null) continue;
    if (typeof child === "string") parent.appendChild(document.createTextNode(child));
    else if (child instanceof Node) parent.appendChild(child);
    else append(parent, child);
  }
}

/** Text with line breaks as paragraphs, and lines starting "- " as one list. */
export function paragraphs(text: string, className?: string): HTMLElement[] {
  const blocks: HTMLElement[] = [];
  let list: HTMLUListElement | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith("- ")) {
      if (!list) blocks.push((list = h("ul", { class: className })));
      list.appendChild(h("li", {}, line.slice(2)));
    } else {
      list = undefined;
      blocks.push(h("p", { class: className }, line));
    }
  }
  return blocks;
}
