/**
 * One server per data folder: two processes writing the same lowdb file and update logs would
 * overwrite each other's work. The lock is a file holding the holder's pid, created exclusively;
 * a lock left by a process that no longer runs (a crash, kill -9) is taken over.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { readFileIfExists } from "./atomicFile.ts";

const LOCK_NAME = "maca.lock";
/** Folders this process holds: after a restart in a container the old pid can be our own. */
const heldHere = new Set<string>();

export class DataDirInUseError extends Error {}

export interface DataDirLock {
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, LOCK_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, `${process.pid}\n`, { flag: "wx", mode: 0o600 });
      heldHere.add(file);
      return {
        release: async () => {
          heldHere.delete(file);
          await fs.rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number.parseInt((await readFileIfExists(file))?.toString("utf8") ?? "", 10);
    const ours = holder === process.pid;
    if (Number.isSafeInteger(holder) && (ours ? heldHere.has(file) : isRunning(holder))) {
      throw new DataDirInUseError(
        `the data folder ${dataDir} is in use by another MACA Board server (pid ${holder}${ours ? ", this process" : ""}). ` +
          "Stop that server first, or set DATA_DIR to another folder.",
      );
    }
    // A stale lock: its holder is gone. Remove it and try again (another starter may win the race).
    await fs.rm(file, { force: true });
  }
  throw new DataDirInUseError(`could not lock the data folder ${dataDir}: another server keeps taking it`);
}
