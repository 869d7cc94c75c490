/**
 * The learning summary exactly as the server renders it (the page the HTML download gives),
 * framed. The server sends it with a CSP that runs no script and loads nothing; the sandbox
 * says the same again. The frame grows to its content, so the page scrolls, not the frame.
 */
import { useCallback, useEffect, useRef } from "react";

interface SummaryFrameProps {
  src: string;
  title: string;
}

export function SummaryFrame({ src, title }: SummaryFrameProps) {
  const ref = useRef<HTMLIFrameElement>(null);
  const fit = useCallback(() => {
    const frame = ref.current;
    const root = frame?.contentDocument?.documentElement;
    if (!frame || !root) return;
    frame.style.height = `${Math.ceil(root.getBoundingClientRect().height) + 4}px`;
  }, []);
  useEffect(() => {
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  }, [fit]);
  return <iframe ref={ref} className="summary-frame" title={title} src={src} sandbox="allow-same-origin" onLoad={fit} />;
}
