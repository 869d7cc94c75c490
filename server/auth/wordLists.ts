/**
 * zxcvbn-ts's lists of common passwords (49,000) and diceware words, read when a password is set
 * and then let go. Kept loaded they are ~4 MB of heap that every major GC of a server in a meeting
 * walks, for a check made a few times a day; reading them takes ~25 ms, less than the argon2 hash
 * that follows.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type * as LanguageCommon from "@zxcvbn-ts/language-common";

export interface WordLists {
  /** Lower-cased. */
  commonPasswords: ReadonlySet<string>;
  diceware: readonly string[];
}

export function readWordLists(): WordLists {
  // A require of its own for each read: the module a require is made for keeps every module it
  // loaded in its `children`, so one shared for the file's life kept every copy read (2 MB each).
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@zxcvbn-ts/language-common");
  const { dictionary } = require(entry) as typeof LanguageCommon;
  const lists: WordLists = {
    commonPasswords: new Set(dictionary["passwords-common"].map((p) => p.toLowerCase())),
    diceware: dictionary["diceware-common"],
  };
  // Forget the package (and its decompressor) so nothing keeps the lists alive: CommonJS modules
  // can be dropped from the cache, where an ES import would stay for the life of the process.
  const scope = path.dirname(path.dirname(path.dirname(entry))) + path.sep;
  for (const id of Object.keys(require.cache)) if (id.startsWith(scope)) delete require.cache[id];
  return lists;
}
