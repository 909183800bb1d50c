import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** Prose of the report, one paragraph per line; a dash when nothing is written. */
export function Paragraphs({ text }: { text: string | null | undefined }) {
  const lines = (text ?? '')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return <Typography.Text type="secondary">（未填写）</Typography.Text>;
  return (
    <>
      {lines.map((line, i) => (
        <Typography.Paragraph key={i} style={{ textIndent: '2em', marginBottom: 8 }}>
          {line}
        </Typography.Paragraph>
      ))}
    </>
  );
}

/** A titled block inside a part. */
export function Subsection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}
