/** One-line JSON logs on stderr; quiet under tests unless MACA_LOG is set. */
type Fields = Record<string, unknown>;

const quiet = process.env.NODE_ENV === "test" && !process.env.MACA_LOG;

function write(level: "info" | "warn" | "error", message: string, fields?: Fields): void {
  if (quiet && level !== "error") return;
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
}

export const log = {
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
  /** Plain text for the person who started the server (sign-in help), not for log collectors. */
  announce: (text: string) => {
    if (!quiet) process.stdout.write(`${text}\n`);
  },
};
