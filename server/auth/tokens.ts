/** Personal access tokens for scripts: shown once, kept as a hash, revocable, acting as their owner. */
import { newId } from "../../shared/board/index.ts";
import type { ApiTokenView } from "../../shared/domain/account.ts";
import type { Store } from "../store/index.ts";
import type { TokenRecord } from "../store/records.ts";
import { newSecret, sha256 } from "./secrets.ts";

/** Recognisable in logs and secret scanners. */
const PREFIX = "maca_";
const TOUCH_EVERY_MS = 60_000;

export function tokenView(token: TokenRecord): ApiTokenView {
  return { id: token.id, name: token.name, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt };
}

export async function createToken(store: Store, userId: string, name: string): Promise<{ token: string; record: TokenRecord }> {
  const token = `${PREFIX}${newSecret()}`;
  const record: TokenRecord = { id: newId(), userId, name, hash: sha256(token), createdAt: new Date().toISOString() };
  await store.createToken(record);
  return { token, record };
}

export async function findToken(store: Store, token: string): Promise<TokenRecord | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
  const record = await store.getTokenByHash(sha256(token));
  if (record && (!record.lastUsedAt || Date.now() - Date.parse(record.lastUsedAt) > TOUCH_EVERY_MS)) {
    await store.touchToken(record.id, new Date().toISOString());
  }
  return record;
}
