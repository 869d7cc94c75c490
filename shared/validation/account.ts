/** zod schemas for accounts, sessions, membership, tokens and the audit trail query. */
import { z } from "zod";
import { ROLES } from "../domain/account.ts";
import { IdSchema } from "./audit.ts";
import { LIMITS } from "./limits.ts";

const email = z.string().trim().toLowerCase().pipe(z.email().max(LIMITS.emailChars));
const name = z.string().trim().min(1).max(LIMITS.displayNameChars);
const agency = z.string().trim().min(1).max(LIMITS.agencyNameChars);

/** Length rules only: the server also refuses common passwords (the list stays on the server). */
export const NewPassword = z
  .string()
  .min(LIMITS.passwordMinChars, `must be at least ${LIMITS.passwordMinChars} characters`)
  .max(LIMITS.passwordMaxChars, `must be at most ${LIMITS.passwordMaxChars} characters`);

export const SignInInput = z.strictObject({
  email,
  // Any length up to the maximum: a wrong password must fail as "wrong", not as "invalid".
  password: z.string().min(1).max(LIMITS.passwordMaxChars),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMaxChars),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const CreateUserInput = z.strictObject({
  email,
  name,
  password: NewPassword,
  /** An agency id from the default list or the name of another agency. */
  agency,
  admin: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .strictObject({
    name: name.optional(),
    agency: agency.optional(),
    admin: z.boolean().optional(),
    disabled: z.boolean().optional(),
    password: NewPassword.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "nothing to change");
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const AddMemberInput = z.strictObject({
  email,
  role: z.enum(ROLES),
  /** The agency this person writes as in this audit; defaults to their own. */
  agency: agency.optional(),
});
export type AddMemberInput = z.infer<typeof AddMemberInput>;

export const CreateTokenInput = z.strictObject({ name: z.string().trim().min(1).max(LIMITS.tokenNameChars) });
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const UserParams = z.object({ id: IdSchema });
export const MemberParams = z.object({ id: IdSchema, userId: IdSchema });
export const TokenParams = z.object({ id: IdSchema });

export const AuditLogQuery = z.strictObject({
  auditId: IdSchema.optional(),
  userId: IdSchema.optional(),
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.auditLogPage).default(LIMITS.auditLogPage),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;
