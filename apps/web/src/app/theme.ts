import type { ThemeConfig } from 'antd';

/** Keyboard focus is blue: the product's red is the colour of errors, and a focused field must not look wrong. */
export const FOCUS_BLUE = '#1677ff';
const FOCUS_RING = 'rgba(22, 119, 255, 0.35)';

const focusedInput = { activeBorderColor: FOCUS_BLUE, hoverBorderColor: '#4096ff' };

/**
 * The app's Ant Design theme: the county red for primary actions; a blue ring around whatever has focus,
 * also around a field in error (its border stays red, the ring says where the cursor is).
 */
export function appTheme(reduceMotion: boolean): ThemeConfig {
  return {
    token: {
      colorPrimary: '#b71c1c',
      borderRadius: 4,
      motion: !reduceMotion,
      controlOutline: FOCUS_RING,
      colorErrorOutline: FOCUS_RING,
      colorWarningOutline: FOCUS_RING,
    },
    components: {
      Input: focusedInput,
      InputNumber: focusedInput,
      DatePicker: focusedInput,
      Select: { ...focusedInput, activeOutlineColor: FOCUS_RING },
    },
  };
}
