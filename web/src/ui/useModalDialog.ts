// A <dialog> shown as a modal while `open` (the browser traps focus; Escape fires `cancel`) and
// closed otherwise, with the `open` attribute as the fallback where showModal is missing (jsdom).
import { useEffect, useRef } from 'react';

/** The ref for the <dialog>; `onShown` runs each time it opens (to move focus into it). */
export function useModalDialog(open: boolean, onShown?: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const shown = useRef(onShown);
  useEffect(() => {
    shown.current = onShown;
  });
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
      shown.current?.();
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);
  return ref;
}
