/** The DOM id of the input (or list, or group) of a content path, e.g. field-budget-lines-2-amount. */
export const fieldDomId = (path: string) => `field-${path.replace(/\./g, '-')}`;

/** The shown element nearest to a path: the field, else its row or list, finally none (the part's section). */
function nearestField(path: string): HTMLElement | null {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n--) {
    const element = document.getElementById(fieldDomId(segments.slice(0, n).join('.')));
    if (element) return element;
  }
  return null;
}

/**
 * Brings the field of `path` into view and puts the cursor in it. A path the editor has no input
 * for (a row, a group) falls back to its nearest shown ancestor, finally the part's section.
 */
export function jumpToField(path: string): boolean {
  const element = nearestField(path);
  if (element) {
    element.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
    const target =
      element.matches('input, textarea, button, [tabindex]') && !element.matches('[aria-hidden="true"]')
        ? element
        : element.querySelector<HTMLElement>('input, textarea, button, [tabindex]');
    (target ?? element).focus({ preventScroll: true });
    return true;
  }
  const section = document.getElementById(`part-${path.split('.')[0]}`);
  section?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  return section !== null;
}

export const FLASH_CLASS = 'field-flash';
/** the flash's length (styles.css); the class also goes when the animation ends (or never runs: reduced motion) */
const FLASH_MS = 2400;

/** Lights an element up for a moment (styles.css .field-flash). */
function flash(element: HTMLElement) {
  element.classList.remove(FLASH_CLASS);
  // a second locate of the same field restarts the animation
  void element.offsetWidth;
  element.classList.add(FLASH_CLASS);
  const done = () => element.classList.remove(FLASH_CLASS);
  element.addEventListener('animationend', done, { once: true });
  setTimeout(done, FLASH_MS + 100);
}

/**
 * Where a comment points: jumps to the field and lights it and its row up for a moment. The element found
 * keeps data-located until the next locate, so the user's (and a test's) last target stays known.
 */
export function locateField(path: string): boolean {
  const found = jumpToField(path);
  const element = nearestField(path) ?? document.getElementById(`part-${path.split('.')[0]}`);
  if (!element) return found;
  for (const previous of document.querySelectorAll('[data-located]')) previous.removeAttribute('data-located');
  element.setAttribute('data-located', path);
  flash(element);
  const row = element.closest<HTMLElement>('tr, [data-row]');
  if (row && row !== element) flash(row);
  return found;
}
