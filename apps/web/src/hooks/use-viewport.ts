import { Grid } from 'antd';

/** How much room the page has, by Ant Design's breakpoints (xs < 576 px ≤ sm < 768 px ≤ md < 992 px ≤ lg). */
export interface Viewport {
  /** Below 576 px: tables become stacked cards. */
  phone: boolean;
  /** Below 768 px: the header folds into a menu and the sidebar goes. */
  narrow: boolean;
  /** Below 992 px: wide editing tables keep their key columns, the rest a tap away. */
  tablet: boolean;
}

/**
 * The viewport's class. Only a matched query counts: before the first match is known (and where
 * matchMedia matches nothing, as in jsdom) the page is laid out for a desktop.
 */
export function useViewport(): Viewport {
  const screens = Grid.useBreakpoint();
  const phone = screens.xs === true;
  const known = phone || screens.sm === true;
  return {
    phone,
    narrow: phone || (known && screens.md !== true),
    tablet: known && screens.lg !== true,
  };
}
