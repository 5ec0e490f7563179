/** Svelte action: moves focus to the element when it appears (e.g. a screen's heading). */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}
