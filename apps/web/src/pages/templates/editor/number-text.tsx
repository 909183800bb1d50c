import { Input } from 'antd';
import { fieldId, type Path } from '../definition-edit';
import { ProblemText, type Problems } from '../problems';

/** A decimal typed as text (the definition keeps numbers as strings), with its problems under it. */
export function NumberText({
  path,
  label,
  value,
  suffix,
  problems,
  onChange,
  width = 110,
}: {
  path: Path;
  label: string;
  value: string;
  suffix?: string;
  problems: Problems;
  onChange: (value: string) => void;
  width?: number;
}) {
  const messages = problems.under(path);
  return (
    <div style={{ width }}>
      <Input
        id={fieldId(path)}
        aria-label={label}
        value={value}
        inputMode="decimal"
        suffix={suffix}
        status={messages.length ? 'error' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <ProblemText messages={messages} />
    </div>
  );
}
