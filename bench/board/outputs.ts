/**
 * Freeze and the learning summary for the loaded board, through the REST API as the chair:
 * POST freeze (the signed-off snapshot), GET the summary as HTML, GET it as DOCX, each timed until
 * the whole response is read; then reopen (untimed) for the next round. The board is held open
 * by a client throughout, as it is when a chair freezes at the end of a meeting.
 */
import { authHeaders, type Credentials } from "../../test/helpers/people.ts";
import { type Figure, figure, median, progress, timed } from "./stats.ts";

export interface OutputFigures {
  freezeMs: Figure;
  summaryHtmlMs: Figure;
  /** Freeze then HTML summary, per round (the "freeze + learning summary"). */
  freezeAndSummaryMs: Figure;
  docxMs: Figure;
  htmlBytes: number;
  docxBytes: number;
}

async function call(
  url: string,
  credentials: Credentials,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; bytes: Buffer }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...authHeaders(credentials, method), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes };
}

async function ok(url: string, credentials: Credentials, method: string, path: string, body?: unknown): Promise<Buffer> {
  const { status, bytes } = await call(url, credentials, method, path, body);
  if (status >= 300) throw new Error(`${method} ${path} answered ${status}: ${bytes.toString("utf8").slice(0, 300)}`);
  return bytes;
}

export async function benchOutputs(url: string, chair: Credentials, auditId: string, rounds = 3): Promise<OutputFigures> {
  progress(`outputs: ${rounds} rounds of freeze, summary.html, summary.docx, reopen`);
  const audit = `/api/audits/${encodeURIComponent(auditId)}`;
  const freezes: number[] = [];
  const htmls: number[] = [];
  const docxs: number[] = [];
  let htmlBytes = 0;
  let docxBytes = 0;
  for (let round = 0; round < rounds; round++) {
    const frozen = await timed(() => ok(url, chair, "POST", `${audit}/freeze`, {}));
    const { snapshotId } = JSON.parse(frozen.value.toString("utf8")) as { snapshotId: string };
    const summary = `${audit}/snapshots/${encodeURIComponent(snapshotId)}/summary`;
    const html = await timed(() => ok(url, chair, "GET", `${summary}.html`));
    const docx = await timed(() => ok(url, chair, "GET", `${summary}.docx`));
    freezes.push(frozen.ms);
    htmls.push(html.ms);
    docxs.push(docx.ms);
    htmlBytes = html.value.byteLength;
    docxBytes = docx.value.byteLength;
    await ok(url, chair, "POST", `${audit}/reopen`, { reason: `Benchmark round ${round + 1}: reopened to freeze again.` });
  }
  const sums = freezes.map((ms, i) => ms + htmls[i]);
  return {
    freezeMs: figure(median(freezes), "ms", freezes),
    summaryHtmlMs: figure(median(htmls), "ms", htmls),
    freezeAndSummaryMs: figure(median(sums), "ms", sums),
    docxMs: figure(median(docxs), "ms", docxs),
    htmlBytes,
    docxBytes,
  };
}
