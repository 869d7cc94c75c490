/**
 * A modal dialog on the native <dialog>: the browser traps focus inside, Escape closes it, and the
 * rest of the page is inert while it is open. Its content mounts only while open, so a form in it
 * starts empty every time. `afterClose` puts focus back (on the button that opened it, say).
 */
import { type ReactNode, useEffect, useRef } from "react";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  /** Id of the dialog's heading (its accessible name). */
  labelledBy: string;
  /** Id of the text that explains it. */
  describedBy?: string;
  afterClose?: () => void;
  /** Extra class, e.g. "wide" for a dialog holding a table. */
  className?: string;
  children: ReactNode;
}

export function Dialog({ open, onClose, labelledBy, describedBy, afterClose, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : "dialog"}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={() => {
        onClose();
        afterClose?.();
      }}
    >
      {open && children}
    </dialog>
  );
}
