/** zod schemas for snapshots, the freeze, acknowledgements, addenda and the action plan API. */
import { z } from "zod";
import { ACTION_STATUSES } from "../board/schema.ts";
import { IdSchema } from "./audit.ts";
import { LIMITS, SNAPSHOT_LIMITS } from "./limits.ts";

const text = (max: number) => z.string().trim().min(1).max(max);

export const CreateSnapshotInput = z.strictObject({ name: text(SNAPSHOT_LIMITS.nameChars) });
export type CreateSnapshotInput = z.infer<typeof CreateSnapshotInput>;

/** Freezing takes no input; an empty object (or no body) is all it accepts. */
export const FreezeInput = z.strictObject({}).optional();

export const ReopenInput = z.strictObject({ reason: text(SNAPSHOT_LIMITS.reopenReasonChars) });
export type ReopenInput = z.infer<typeof ReopenInput>;

export const AddendumInput = z.strictObject({ text: text(SNAPSHOT_LIMITS.addendumChars) });
export type AddendumInput = z.infer<typeof AddendumInput>;

export const SnapshotParams = z.object({ id: IdSchema, sid: IdSchema });
export const SnapshotDiffParams = z.object({ id: IdSchema, a: IdSchema, b: IdSchema });
export const ActionParams = z.object({ id: IdSchema, actionId: IdSchema });

export const ActionPatchInput = z
  .strictObject({
    status: z.enum(ACTION_STATUSES).optional(),
    /** A completion or progress note (recorded beside the frozen plan, after the freeze). */
    note: text(SNAPSHOT_LIMITS.actionNoteChars).optional(),
  })
  .refine((value) => value.status !== undefined || value.note !== undefined, "give a status, a note or both");
export type ActionPatchInput = z.infer<typeof ActionPatchInput>;

/** `?agency=police&status=open&overdue=true`: filters of the action plan (all optional). */
export const ActionsQuery = z.object({
  /** Owner agency: its id or its name. */
  agency: z.string().trim().min(1).max(LIMITS.agencyNameChars).optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});
export type ActionsQuery = z.infer<typeof ActionsQuery>;
