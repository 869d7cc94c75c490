/** zod schemas for what people and scripts send to the REST API. */
import { z } from "zod";
import { COLUMN_IDS, PLAN_IDS } from "../board/schema.ts";
import { LIMITS } from "./limits.ts";

/** Trimmed, non-empty, bounded text. */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Ids the server and the board generate: lower-case letters and digits. */
export const IdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, "is not a valid id");

export const CreateAuditInput = z.strictObject({
  title: text(LIMITS.titleChars),
  theme: text(LIMITS.themeChars),
  meetingDate: z.iso.date().optional(),
  period: optionalText(LIMITS.shortTextChars),
  selection: optionalText(LIMITS.shortTextChars),
  /** Agency ids from the default list, or names of further agencies. */
  agencies: z.array(text(LIMITS.agencyNameChars)).max(LIMITS.agencies).optional(),
});
export type CreateAuditInput = z.infer<typeof CreateAuditInput>;

export const CreateCaseInput = z.strictObject({
  label: text(LIMITS.caseLabelChars),
  ageBand: optionalText(LIMITS.ageBandChars),
  summary: optionalText(LIMITS.caseSummaryChars),
  plan: z.enum(PLAN_IDS).optional(),
});
export type CreateCaseInput = z.infer<typeof CreateCaseInput>;

export const CreateCardInput = z.strictObject({
  column: z.enum(COLUMN_IDS),
  text: text(LIMITS.cardTextChars),
  /** Defaults to the writer's own agency; only a chair may name another taking-part agency. */
  agency: text(LIMITS.agencyNameChars).optional(),
});
export type CreateCardInput = z.infer<typeof CreateCardInput>;

export const AuditParams = z.object({ id: IdSchema });
/** `?board=false` leaves the board out of GET /api/audits/:id (metadata only). */
export const AuditQuery = z.object({
  board: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});
export const CaseParams = z.object({ id: IdSchema, caseId: IdSchema });

/** One readable sentence for a failed parse, naming the fields. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join(".") : "body";
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}
