/**
 * Makes window.matchMedia answer as a browser `width` px wide (Ant Design's breakpoints ask
 * "(max-width: 575px)" and "(min-width: 768px)"); `restoreViewport` puts back the test-setup's
 * matchMedia, which matches nothing.
 */

function matches(query: string, width: number): boolean {
  const conditions = [...query.matchAll(/\((min|max)-width:\s*(\d+(?:\.\d+)?)px\)/g)];
  if (conditions.length === 0) return false;
  return conditions.every(([, side, px]) => (side === 'min' ? width >= Number(px) : width <= Number(px)));
}

/** A MediaQueryList that answers `matches` and never changes (jsdom has none). */
export function fixedMediaQuery(query: string, matches: boolean): MediaQueryList {
  return {
    matches,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  } as MediaQueryList;
}

/** The test set-up's matchMedia: a browser of no width, matching no query. */
export const matchNothing = (query: string): MediaQueryList => fixedMediaQuery(query, false);

export function emulateWidth(width: number): void {
  window.matchMedia = (query: string) => fixedMediaQuery(query, matches(query, width));
}

export function restoreViewport(): void {
  window.matchMedia = matchNothing;
}
