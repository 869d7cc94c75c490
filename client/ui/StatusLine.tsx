/**
 * A page's polite status line (saved, added, removed...) and its error line. Both stay mounted so
 * screen readers announce each new message; `say` clears first so a repeated message is announced.
 */
import { useCallback, useState } from "react";

export function useStatusLine() {
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const say = useCallback((message: string) => {
    setError("");
    setStatus("");
    requestAnimationFrame(() => setStatus(message));
  }, []);
  const fail = useCallback((message: string) => {
    setStatus("");
    setError(message);
  }, []);
  const clear = useCallback(() => {
    setStatus("");
    setError("");
  }, []);
  return { status, error, say, fail, clear };
}

export function StatusLine({ status, error }: { status: string; error: string }) {
  return (
    <div className="status-line">
      <p role="status" className={status ? "notice success" : "notice empty"}>
        {status}
      </p>
      <p role="alert" className={error ? "notice warning" : "notice empty"}>
        {error}
      </p>
    </div>
  );
}
