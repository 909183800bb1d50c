import { Input, InputNumber, Select } from 'antd';
import { DEFAULT_GRADE_BANDS, INDICATOR_NATURES } from '@evalflow/domain';
import type { ValueKind } from '../fields/field-labels';
import { NATURE_LABELS } from '../fields/format';
import { fieldDomId } from './field-dom';
import { MoneyInput } from './money-input';
import { isLongText, storesNull } from './value-kinds';

interface FieldInputProps {
  path: string;
  kind: ValueKind;
  value: unknown;
  onChange: (value: unknown) => void;
  status?: 'error' | 'warning';
  label: string;
  describedBy?: string;
}

const NATURE_OPTIONS = INDICATOR_NATURES.map((n) => ({ value: n, label: NATURE_LABELS[n] }));
const GRADE_OPTIONS = DEFAULT_GRADE_BANDS.map((b) => ({ value: b.grade, label: b.label }));

/** The input of one field, by the kind of value it holds. */
export function FieldInput({ path, kind, value, onChange, status, label, describedBy }: FieldInputProps) {
  const common = { id: fieldDomId(path), status, 'aria-label': label, 'aria-describedby': describedBy };
  const text = typeof value === 'string' ? value : '';
  const setText = (next: string) => onChange(next === '' && storesNull(path, kind) ? null : next);
  switch (kind) {
    case 'money':
      return <MoneyInput {...common} value={text} onChange={setText} />;
    case 'percent':
      return (
        <Input {...common} inputMode="decimal" suffix="%" value={text} onChange={(e) => setText(e.target.value)} />
      );
    case 'score':
      return (
        <Input {...common} inputMode="decimal" suffix="分" value={text} onChange={(e) => setText(e.target.value)} />
      );
    case 'count':
      return (
        <InputNumber<number>
          {...common}
          min={0}
          precision={0}
          style={{ width: '100%' }}
          value={typeof value === 'number' ? value : null}
          onChange={(n) => onChange(n ?? null)}
        />
      );
    case 'nature':
      return <Select {...common} options={NATURE_OPTIONS} value={text || undefined} onChange={onChange} />;
    case 'grade':
      return (
        <Select
          {...common}
          allowClear
          options={GRADE_OPTIONS}
          value={text || undefined}
          onChange={(g) => onChange(g ?? null)}
        />
      );
    default:
      return isLongText(path) ? (
        <Input.TextArea
          {...common}
          autoSize={{ minRows: 3, maxRows: 16 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      ) : (
        <Input {...common} value={text} onChange={(e) => setText(e.target.value)} />
      );
  }
}
