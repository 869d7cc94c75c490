/** The keyboard shortcuts, and the switch that turns the single-key ones off. */
import { Dialog } from "../../ui/Dialog.tsx";
import { SHORTCUTS } from "./shortcuts.ts";

interface ShortcutHelpDialogProps {
  open: boolean;
  onClose: () => void;
  afterClose?: () => void;
  isChair: boolean;
  canEdit: boolean;
  enabled: boolean;
  onEnabledChange: (enabled: boolean) => void;
}

export function ShortcutHelpDialog({ open, onClose, afterClose, isChair, canEdit, enabled, onEnabledChange }: ShortcutHelpDialogProps) {
  const shown = SHORTCUTS.filter((s) => !s.only || (s.only === "chair" ? isChair : canEdit));
  return (
    <Dialog open={open} onClose={onClose} afterClose={afterClose} labelledBy="shortcuts-title" describedBy="shortcuts-what">
      <div className="dialog-body shortcuts-help">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <p id="shortcuts-what">
          Single keys, anywhere on the board except while typing. Every shortcut has a button too; Tab moves through them.
        </p>
        <table className="data-table shortcut-table">
          <caption className="visually-hidden">Shortcuts</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">What it does</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((shortcut) => (
              <tr key={shortcut.id}>
                <td>
                  <kbd>{shortcut.label}</kbd>
                </td>
                <td>{shortcut.what}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd>Enter</kbd>
              </td>
              <td>On a focused card: edit its text (Escape ends)</td>
            </tr>
            <tr>
              <td>
                <kbd>Alt</kbd> + <kbd>arrow</kbd>
              </td>
              <td>On a focused card: move it up, down or to the next column</td>
            </tr>
          </tbody>
        </table>
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(event) => onEnabledChange(event.target.checked)} />
          Use single-key shortcuts
        </label>
        <div className="button-row">
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
