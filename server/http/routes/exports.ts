/**
 * Downloads rendered from a snapshot (learning summary as HTML, DOCX, Markdown) and the action
 * plan as CSV. Any member may download; every download is in the trail with its format. The
 * HTML page is shown inline under a CSP that allows no script, no fetches and no external
 * resources, so hostile card text that got past the renderer's escaping still cannot run.
 */
import type { Response } from "express";
import { Router } from "express";
import type { AuditMeta } from "../../../shared/domain/audit.ts";
import type { SnapshotJson } from "../../../shared/domain/snapshot.ts";
import { AuditParams } from "../../../shared/validation/audit.ts";
import { ActionsQuery, SnapshotParams } from "../../../shared/validation/snapshot.ts";
import { requireAuditAccess } from "../../auth/access.ts";
import { listPlan } from "../../domain/actionPlan.ts";
import { requireSnapshot } from "../../domain/snapshots.ts";
import { renderActionsCsv, renderSummaryDocx, renderSummaryHtml, renderSummaryMarkdown } from "../../outputs/index.ts";
import type { Services } from "../../services.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { principalOf } from "../middleware/auth.ts";
import { handle, parseOr400 } from "../middleware/validate.ts";

/** The summary page may be framed by the app itself (a snapshot viewer), by nothing else. */
export const SUMMARY_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** ASCII letters, digits and dashes only: safe in a Content-Disposition header and any file system. */
export function safeFileStem(...parts: string[]): string {
  const stem = parts
    .join(" ")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
  return stem || "export";
}

type Format = "html" | "docx" | "md";

const FORMATS: Record<Format, { type: string; inline: boolean }> = {
  html: { type: "text/html; charset=utf-8", inline: true },
  docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", inline: false },
  md: { type: "text/markdown; charset=utf-8", inline: false },
};

function send(res: Response, format: { type: string; inline: boolean }, fileName: string, body: string | Buffer): void {
  res.set("X-Content-Type-Options", "nosniff");
  if (format.inline) {
    res.set("Content-Security-Policy", SUMMARY_PAGE_CSP);
    res.set("Content-Disposition", `inline; filename="${fileName}"`);
  } else {
    res.attachment(fileName);
  }
  res.type(format.type).send(body);
}

export function exportRoutes(services: Services): Router {
  const { store, trail } = services;
  const router = Router();

  async function render(format: Format, snapshot: SnapshotJson): Promise<string | Buffer> {
    const { auditId, id } = snapshot;
    const [acknowledgements, addenda, actionUpdates] = await Promise.all([
      store.snapshots.acknowledgements(auditId, id),
      store.snapshots.addenda(auditId, id),
      // Progress recorded after a freeze belongs with that freeze snapshot only.
      snapshot.kind === "freeze" ? store.snapshots.actionUpdates(auditId, id) : Promise.resolve([]),
    ]);
    const extras = { acknowledgements, addenda, actionUpdates };
    if (format === "html") return renderSummaryHtml(snapshot, extras);
    if (format === "md") return renderSummaryMarkdown(snapshot, extras);
    return renderSummaryDocx(snapshot, extras);
  }

  for (const format of Object.keys(FORMATS) as Format[]) {
    router.get(
      `/audits/:id/snapshots/:sid/summary.${format}`,
      handle(async (req, res) => {
        const { id, sid } = parseOr400(SnapshotParams, req.params, "ids");
        const user = principalOf(res).user;
        const { audit } = await requireAuditAccess(store, user, id, "read");
        const snapshot = await requireSnapshot(store, id, sid);
        const body = await render(format, snapshot);
        await trail.record({
          type: "export-downloaded",
          ...actorOf(user),
          auditId: id,
          detail: { format, what: "summary", snapshotId: sid },
        });
        send(res, FORMATS[format], `${fileStem(audit, snapshot.name)}-learning-summary.${format}`, body);
      }),
    );
  }

  router.get(
    "/audits/:id/actions.csv",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const user = principalOf(res).user;
      const { audit } = await requireAuditAccess(store, user, id, "read");
      const actions = await listPlan(services, audit, parseOr400(ActionsQuery, req.query, "query"));
      const csv = renderActionsCsv(actions, audit.agencies);
      await trail.record({
        type: "export-downloaded",
        ...actorOf(user),
        auditId: id,
        detail: { format: "csv", what: "actions", rows: actions.length },
      });
      send(res, { type: "text/csv; charset=utf-8", inline: false }, `${fileStem(audit, "action plan")}.csv`, csv);
    }),
  );

  return router;
}

function fileStem(audit: AuditMeta, what: string): string {
  return safeFileStem(audit.title, what);
}
