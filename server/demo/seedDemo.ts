/** Creates the demo audit (transcribed from a published briefing) when the store has no audits. */
import type * as Y from "yjs";
import { addCard, addCase, appendBulletItems, COLUMN_IDS, caseNotes, sectionFragment, setFragmentText } from "../../shared/board/index.ts";
import { createDemoAccounts } from "../auth/bootstrap.ts";
import { createAudit } from "../domain/audits.ts";
import { log } from "../log.ts";
import type { Store } from "../store/index.ts";
import type { UserRecord } from "../store/records.ts";
import type { DemoAudit } from "./demoAudit.types.ts";
import { domesticViolenceII } from "./domesticViolenceII/index.ts";

/** The demo cards are written by the agencies, not by a person. */
const DEMO_AUTHOR = "Audit tool return";

export function fillDemoBoard(doc: Y.Doc, demo: DemoAudit): void {
  doc.transact(() => {
    for (const demoCase of demo.cases) {
      const { columns, notes, ...fields } = demoCase;
      const caseId = addCase(doc, fields);
      for (const column of COLUMN_IDS) {
        for (const card of columns[column]) {
          addCard(doc, { caseId, column, text: card.text, agency: card.agency, author: DEMO_AUTHOR });
        }
      }
      const notesFragment = caseNotes(doc, caseId);
      if (notes && notesFragment) setFragmentText(notesFragment, notes);
    }
    appendBulletItems(sectionFragment(doc, "acrossCases"), demo.acrossCases);
  });
}

/**
 * On an empty store: creates the demo audit, demo accounts for each role (chaired by the demo
 * chair, plus the configured admin if there is one), and prints how to sign in, once.
 */
export async function seedDemoIfEmpty(store: Store, admin: UserRecord | undefined): Promise<void> {
  if ((await store.listAudits()).length > 0) return;
  const accounts = await createDemoAccounts(store);
  const chair = accounts.find((a) => a.role === "chair")?.user ?? admin;
  if (!chair) return;
  const { cases: _cases, acrossCases: _across, ...meta } = domesticViolenceII;
  const audit = await createAudit(store, meta, chair, (doc) => fillDemoBoard(doc, domesticViolenceII));
  const members = [
    ...accounts.filter((a) => a.user.id !== chair.id),
    ...(admin && admin.id !== chair.id ? [{ user: admin, role: "chair" as const }] : []),
  ];
  for (const { user, role } of members) {
    await store.putMember({ auditId: audit.id, userId: user.id, role, agency: user.agency, addedAt: new Date().toISOString() });
  }
  log.info("created the demo audit", { id: audit.id, title: audit.title });
  if (accounts.length > 0) {
    log.announce(
      [
        `Demo audit "${audit.title}" is ready. Sign in with one of these accounts (passwords are shown only now):`,
        ...accounts.map((a) => `  ${a.role.padEnd(9)} ${a.user.email.padEnd(28)} ${a.password}`),
        admin ? `  chair     ${admin.email} (MACA_ADMIN_EMAIL)` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    );
  }
}
