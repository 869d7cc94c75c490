/**
 * Reading V8 sampling heap profiles (bench/lib/heapSampler.ts): bytes allocated by the frame that
 * allocated them, keyed by package or file, or by function.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT } from "../lib/childServer.ts";

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export interface ProfileNode {
  callFrame: CallFrame;
  selfSize: number;
  children?: ProfileNode[];
}

/** The package an allocation site belongs to, or its file in this repository, or Node's or V8's own. */
export function whereOf({ url }: CallFrame): string {
  if (!url) return "(V8 built-ins)";
  if (url.startsWith("node:")) return "(Node internals)";
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  const inModules = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1];
  return path.relative(REPO_ROOT, file);
}

/** A function: its name, file and line (1-based). */
export function siteOf(frame: CallFrame): string {
  const file = frame.url ? path.basename(frame.url) : "";
  return `${frame.functionName || "(anonymous)"}${file ? ` ${file}:${frame.lineNumber + 1}` : ""}`;
}

/** Bytes allocated in the profile's tree, by `keyOf` of the allocating frame. */
export function allocatedBy(head: ProfileNode, keyOf: (frame: CallFrame) => string): Map<string, number> {
  const totals = new Map<string, number>();
  const stack = [head];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.selfSize > 0) {
      const key = keyOf(node.callFrame);
      totals.set(key, (totals.get(key) ?? 0) + node.selfSize);
    }
    stack.push(...(node.children ?? []));
  }
  return totals;
}
