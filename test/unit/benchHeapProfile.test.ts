/**
 * The benchmark's `--heap-sample` report (bench/probe/heapProfile.ts): a sampled profile's bytes
 * add up by the package or file of the frame that allocated them, and by function.
 */
import { pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import { REPO_ROOT } from "../../bench/lib/childServer.ts";
import { allocatedBy, type ProfileNode, siteOf, whereOf } from "../../bench/probe/heapProfile.ts";

const inRepo = (file: string) => pathToFileURL(`${REPO_ROOT}/${file}`).href;
const node = (functionName: string, url: string, selfSize: number, children: ProfileNode[] = []): ProfileNode => ({
  callFrame: { functionName, url, lineNumber: 9 },
  selfSize,
  children,
});

const profile = node("(root)", "", 0, [
  node("processMessages", inRepo("node_modules/@hocuspocus/server/dist/hocuspocus-server.esm.js"), 100, [
    node("beforeSync", inRepo("server/collab/extensions/durableLog.ts"), 40, [node("", "node:internal/url", 5)]),
    node("applyUpdate", inRepo("node_modules/yjs/dist/yjs.mjs"), 300, [node("Map", "", 7)]),
  ]),
  node("beforeSync", inRepo("server/collab/extensions/durableLog.ts"), 2),
]);

test("bytes add up by the package or repository file that allocated them", () => {
  expect(Object.fromEntries(allocatedBy(profile, whereOf))).toEqual({
    "@hocuspocus/server": 100,
    "server/collab/extensions/durableLog.ts": 42,
    "(Node internals)": 5,
    yjs: 300,
    "(V8 built-ins)": 7,
  });
});

test("bytes add up by function, named with its file and 1-based line", () => {
  const bySite = allocatedBy(profile, siteOf);
  expect(bySite.get("beforeSync durableLog.ts:10")).toBe(42);
  expect(bySite.get("(anonymous) url:10")).toBe(5);
  expect(bySite.get("Map")).toBe(7);
  expect([...bySite.values()].reduce((a, b) => a + b, 0)).toBe(454);
});
