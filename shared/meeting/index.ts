/** The meeting's shared state (current case, timer, budgets, case statuses) and its functions. */
export * from "./meeting.ts";
export * from "./schema.ts";
