/** "Add card": a new card of my agency at the end of a column, its editor open and announced. */
import { addCard, COLUMN_TITLES, type ColumnId } from "../../shared/board/index.ts";
import type { BoardStaticValue } from "./BoardContext.tsx";

export function addCardAndEdit(
  { doc, user, setEditing, announce }: Pick<BoardStaticValue, "doc" | "user" | "setEditing" | "announce">,
  caseId: string,
  column: ColumnId,
): string | undefined {
  const id = addCard(doc, { caseId, column, agency: user.agencyId, author: user.name });
  if (!id) return undefined;
  setEditing(`card:${id}`);
  announce(`Card added to ${COLUMN_TITLES[column]}`);
  return id;
}
