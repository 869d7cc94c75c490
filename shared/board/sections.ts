/**
 * Audit-level rich-text sections (issues across cases; later good practice, questions).
 * Each is a root-level Y.XmlFragment: root types exist on every replica by name, so two people
 * opening a section at once can never create two competing copies.
 */
import type * as Y from "yjs";
import { type SectionId, sectionRootName } from "./schema.ts";

export function sectionFragment(doc: Y.Doc, section: SectionId): Y.XmlFragment {
  return doc.getXmlFragment(sectionRootName(section));
}
