import { useCallback, useState } from 'react';

/**
 * What a modal or drawer is open for. The target outlives `open` until the closing animation
 * ends (pass `afterClose`), so each opening starts from fresh form state.
 */
export function useModalTarget<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const [open, setOpen] = useState(false);
  const show = useCallback((value: T) => {
    setTarget(value);
    setOpen(true);
  }, []);
  const hide = useCallback(() => setOpen(false), []);
  const afterClose = useCallback(() => setTarget(null), []);
  return { target, open, show, hide, afterClose };
}
