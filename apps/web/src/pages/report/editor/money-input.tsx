import { useLayoutEffect, useRef, useState } from 'react';
import { Input, type InputRef } from 'antd';
import { MONEY_PATTERN } from '@evalflow/domain';
import { formatMoney } from '../fields/format';

interface MoneyInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  status?: 'error' | 'warning';
  'aria-label'?: string;
  'aria-describedby'?: string;
}

/**
 * 万元 as a decimal string, never a float: typed as it is (178.646), shown with thousands separators
 * while the cursor is elsewhere (1,234.50); the whole amount is selected on focus.
 */
export function MoneyInput({ value, onChange, ...rest }: MoneyInputProps) {
  const [focused, setFocused] = useState(false);
  const input = useRef<InputRef>(null);
  // focusing swaps 1,234.50 for 1234.5 under the caret; select the whole amount again so what is typed
  // replaces it (as tabbing into a field promises) instead of landing after it
  useLayoutEffect(() => {
    if (focused) input.current?.select();
  }, [focused]);
  const shown = !focused && MONEY_PATTERN.test(value) ? formatMoney(value) : value;
  return (
    <Input
      {...rest}
      ref={input}
      inputMode="decimal"
      suffix="万元"
      value={shown}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => onChange(e.target.value.replace(/[,，\s]/g, ''))}
      style={{ textAlign: 'right' }}
    />
  );
}
