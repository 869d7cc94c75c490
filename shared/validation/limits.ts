/** Size limits enforced at every boundary (REST bodies, WebSocket frames, form fields). */
export const LIMITS = {
  titleChars: 200,
  themeChars: 300,
  shortTextChars: 300,
  caseLabelChars: 80,
  ageBandChars: 40,
  caseSummaryChars: 2_000,
  cardTextChars: 5_000,
  agencies: 60,
  agencyNameChars: 80,
  displayNameChars: 60,
  emailChars: 254,
  passwordMinChars: 12,
  /** argon2 hashes any length; the cap keeps a sign-in request cheap. */
  passwordMaxChars: 256,
  tokenNameChars: 80,
  /** Most audit-trail entries one request returns. */
  auditLogPage: 5_000,
  /** JSON request bodies. */
  jsonBodyBytes: 100 * 1024,
  /** One WebSocket frame; a whole-board sync of a 60-case audit fits well inside this. */
  wsMessageBytes: 4 * 1024 * 1024,
} as const;

/** Text limits of the sign-off and snapshot forms. */
export const SNAPSHOT_LIMITS = {
  nameChars: 120,
  reopenReasonChars: 1_000,
  addendumChars: 5_000,
  actionNoteChars: 2_000,
} as const;
