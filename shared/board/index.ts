/** The audit board's Y.Doc schema and every function that reads or changes it. */
export * from "./actions.ts";
export * from "./authorship.ts";
export * from "./cards.ts";
export * from "./cases.ts";
export * from "./concerns.ts";
export * from "./ids.ts";
export * from "./init.ts";
export * from "./migrate.ts";
export * from "./order.ts";
export * from "./read.ts";
export * from "./richText.ts";
export * from "./schema.ts";
export * from "./sections.ts";
export * from "./themes.ts";
