import { useState } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MoneyInput } from './money-input';

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <MoneyInput id="amount" aria-label="金额" value={value} onChange={setValue} />
      <output data-testid="stored">{value}</output>
    </>
  );
}

describe('MoneyInput', () => {
  it('shows thousands separators at rest, the bare decimal when focused, all of it selected', async () => {
    render(<Harness initial="1234.5" />);
    const input = screen.getByRole('textbox', { name: '金额' }) as HTMLInputElement;
    expect(input.value).toBe('1,234.50');
    await act(async () => input.focus());
    expect(input.value).toBe('1234.5');
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 6]);
  });

  it('stores what is typed as a decimal string, without separators', () => {
    render(<Harness initial="" />);
    const input = screen.getByRole('textbox', { name: '金额' });
    fireEvent.change(input, { target: { value: '12,345.678' } });
    expect(screen.getByTestId('stored').textContent).toBe('12345.678');
  });
});
