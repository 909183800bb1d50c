/**
 * Makes window.matchMedia answer as a browser `width` px wide (Ant Design's breakpoints ask
 * "(max-width: 575px)" and "(min-width: 768px)"); `restoreViewport` puts back the test-setup's
 * matchMedia, which matches nothing.
 */
const original = window.matchMedia;

function matches(query: string, width: number): boolean {
  const conditions = [...query.matchAll(/\((min|max)-width:\s*(\d+(?:\.\d+)?)px\)/g)];
  if (conditions.length === 0) return false;
  return conditions.every(([, side, px]) => (side === 'min' ? width >= Number(px) : width <= Number(px)));
}

export function emulateWidth(width: number): void {
  window.matchMedia = (query: string) =>
    ({
      matches: matches(query, width),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

export function restoreViewport(): void {
  window.matchMedia = original;
}
