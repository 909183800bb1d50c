/** The DOM id of the input (or list, or group) of a content path, e.g. field-budget-lines-2-amount. */
export const fieldDomId = (path: string) => `field-${path.replace(/\./g, '-')}`;

/**
 * Brings the field of `path` into view and puts the cursor in it. A path the editor has no input
 * for (a row, a group) falls back to its nearest shown ancestor, finally the part's section.
 */
export function jumpToField(path: string): boolean {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n--) {
    const element = document.getElementById(fieldDomId(segments.slice(0, n).join('.')));
    if (element) {
      element.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
      const target =
        element.matches('input, textarea, button, [tabindex]') && !element.matches('[aria-hidden="true"]')
          ? element
          : element.querySelector<HTMLElement>('input, textarea, button, [tabindex]');
      (target ?? element).focus({ preventScroll: true });
      return true;
    }
  }
  const section = document.getElementById(`part-${segments[0]}`);
  section?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  return section !== null;
}
