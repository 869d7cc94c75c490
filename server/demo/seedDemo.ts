/** Creates the demo audit (transcribed from a published briefing) when the store has no audits. */
import type * as Y from "yjs";
import { addCard, addCase, appendBulletItems, COLUMN_IDS, caseNotes, sectionFragment, setFragmentText } from "../../shared/board/index.ts";
import { createAudit } from "../domain/audits.ts";
import { log } from "../log.ts";
import type { Store } from "../store/index.ts";
import type { DemoAudit } from "./demoAudit.types.ts";
import { domesticViolenceII } from "./domesticViolenceII.ts";

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

export async function seedDemoIfEmpty(store: Store): Promise<void> {
  if ((await store.listAudits()).length > 0) return;
  const { cases: _cases, acrossCases: _across, ...meta } = domesticViolenceII;
  const audit = await createAudit(store, meta, (doc) => fillDemoBoard(doc, domesticViolenceII));
  log.info("created the demo audit", { id: audit.id, title: audit.title });
}
