/** Cross-case themes of an audit, and the cards tagged with them. */
import * as Y from "yjs";
import { agencySlug } from "../domain/agencies.ts";
import { newId } from "./ids.ts";
import { compareOrdered, type Ordered, orderKeyAt } from "./order.ts";
import { cardsMap, THEME_FIELD, themesMap, themeTagKey } from "./schema.ts";

export interface ThemeJson {
  id: string;
  name: string;
}

/** Theme ids for the default list come from their names, so two replicas seeding them agree. */
export function themeIdFor(name: string): string {
  return `theme-${agencySlug(name)}`;
}

function ordered(doc: Y.Doc): Ordered[] {
  const list: Ordered[] = [];
  themesMap(doc).forEach((theme, id) => {
    list.push({ id, order: String(theme.get(THEME_FIELD.order) ?? "") });
  });
  return list.sort(compareOrdered);
}

export function readThemes(doc: Y.Doc): ThemeJson[] {
  return ordered(doc).map(({ id }) => ({ id, name: String(themesMap(doc).get(id)?.get(THEME_FIELD.name) ?? "") }));
}

/** Adds a theme at the end; returns its id (the existing one if a theme of that name exists). */
export function addTheme(doc: Y.Doc, name: string, options: { id?: string } = {}): string {
  const trimmed = name.trim();
  const existing = readThemes(doc).find((t) => t.name.toLowerCase() === trimmed.toLowerCase());
  if (existing) return existing.id;
  const id = options.id ?? newId();
  doc.transact(() => {
    const theme = new Y.Map<unknown>();
    theme.set(THEME_FIELD.name, trimmed);
    theme.set(THEME_FIELD.order, orderKeyAt(ordered(doc), Number.POSITIVE_INFINITY));
    themesMap(doc).set(id, theme);
  });
  return id;
}

export function renameTheme(doc: Y.Doc, themeId: string, name: string): boolean {
  const theme = themesMap(doc).get(themeId);
  if (!theme || !name.trim()) return false;
  theme.set(THEME_FIELD.name, name.trim());
  return true;
}

/** Deletes a theme and its tags on every card. */
export function deleteTheme(doc: Y.Doc, themeId: string): boolean {
  if (!themesMap(doc).has(themeId)) return false;
  doc.transact(() => {
    themesMap(doc).delete(themeId);
    const tag = themeTagKey(themeId);
    cardsMap(doc).forEach((card) => {
      if (card.has(tag)) card.delete(tag);
    });
  });
  return true;
}

/** Tags (or untags) a card with a theme: one key of the card per tag, so concurrent tags all count. */
export function tagCard(doc: Y.Doc, cardId: string, themeId: string, tagged: boolean): boolean {
  const card = cardsMap(doc).get(cardId);
  if (!card || !themesMap(doc).has(themeId)) return false;
  if (tagged) card.set(themeTagKey(themeId), true);
  else card.delete(themeTagKey(themeId));
  return true;
}

/** The ids of the existing themes a card is tagged with, in theme order. */
export function cardThemeIds(doc: Y.Doc, card: Y.Map<unknown>): string[] {
  return ordered(doc)
    .map((t) => t.id)
    .filter((id) => card.get(themeTagKey(id)) === true);
}
