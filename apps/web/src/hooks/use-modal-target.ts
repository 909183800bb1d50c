import { useCallback, useState } from 'react';

/**
 * What a modal or drawer is open for. The target outlives `open` until the closing animation
 * ends (`dialog` carries `afterClose`), so each opening starts from fresh form state.
 */
export function useModalTarget<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const [open, setOpen] = useState(false);
  const show = useCallback((value: T) => {
    setTarget(value);
    setOpen(true);
  }, []);
  const onClose = useCallback(() => setOpen(false), []);
  const afterClose = useCallback(() => setTarget(null), []);
  // the props every dialog of the app takes
  return { target, show, dialog: { open, onClose, afterClose } };
}
