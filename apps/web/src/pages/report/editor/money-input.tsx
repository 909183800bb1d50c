import { useState } from 'react';
import { Input } from 'antd';
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
 * while the cursor is elsewhere (1,234.50).
 */
export function MoneyInput({ value, onChange, ...rest }: MoneyInputProps) {
  const [focused, setFocused] = useState(false);
  const shown = !focused && MONEY_PATTERN.test(value) ? formatMoney(value) : value;
  return (
    <Input
      {...rest}
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
