import { Input, InputNumber, Select } from 'antd';
import { dec, INDICATOR_NATURES, NATURE_LABELS } from '@evalflow/domain';
import type { ValueKind } from '../fields/field-nodes';
import { fieldDomId } from './field-dom';
import { useGradeBands, useGradeBandsReady } from './grade-bands-context';
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

/** 评价等级 in the county's words, best first (each option's title says the score it starts at). */
function GradeSelect(props: {
  id: string;
  status?: 'error' | 'warning';
  'aria-label': string;
  'aria-describedby'?: string;
  value: string;
  onChange: (value: unknown) => void;
}) {
  const { value, onChange, ...common } = props;
  const bands = useGradeBands();
  const ready = useGradeBandsReady();
  const options = ready
    ? [...bands]
        .sort((a, b) => dec(b.min).comparedTo(dec(a.min)))
        .map((b) => ({ value: b.grade, label: b.label, title: `${b.min} 分及以上` }))
    : [];
  return (
    <Select
      {...common}
      allowClear
      loading={!ready}
      disabled={!ready}
      placeholder={ready ? undefined : '正在读取本县的评价等级…'}
      options={options}
      value={ready ? value || undefined : undefined}
      onChange={(g) => onChange(g ?? null)}
    />
  );
}

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
      return <GradeSelect {...common} value={text} onChange={onChange} />;
    case 'date':
      return <Input {...common} type="date" value={text} onChange={(e) => setText(e.target.value)} />;
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
