/**
 * Board benchmark (issue 6): the loaded 60-case board (1,200 cards) on our server — auth, the
 * audit trail and persistence on — and on vanilla Hocuspocus, both started here as child
 * processes, measured alternately in the same run:
 *   - board load: update size, bytes a new client receives on the wire, sync time, first render
 *     in headless Chromium;
 *   - memory: heap and RSS per open board on each server, unloading after everyone leaves, and
 *     heap per board for the current schema against candidate schemas;
 *   - freeze + learning summary (HTML) and DOCX through the REST API.
 *
 *   npx tsx bench/board.ts          prints the table (and JSON with --json)
 *
 * runBoardBench() is what `npm run bench` (bench/index.ts) calls; it returns the figures as JSON.
 * Every figure carries os.loadavg()[0] when it was taken: the machines are shared.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { connectDocument, type DocumentConnection } from "../test/helpers/board.ts";
import { tokenFor } from "../test/helpers/people.ts";
import { benchFirstRender, browserUnavailable, type RenderFigures } from "./board/firstRender.ts";
import { benchBoardLoad, benchLoadFromDisk, type SyncFigures, untilUnloaded } from "./board/load.ts";
import { measureSchemaFootprints, serverFootprint } from "./board/memory.ts";
import { benchOutputs } from "./board/outputs.ts";
import { LOADED_BOARD, planBoard, plannedCardCount } from "./board/plan.ts";
import { PROBE_ADMIN, type ProbedServer, startProbe } from "./board/probe.ts";
import { goal, printTable, type Row } from "./board/report.ts";
import { seedOurs, seedVanilla } from "./board/seed.ts";
import { figure, KiB, progress } from "./board/stats.ts";

/** Boards open at once for the per-board memory figures. */
const MEMORY_BOARDS = 3;

export const GOALS = {
  wireBytes: 250 * KiB,
  firstRenderMs: 1_000,
  heapPerBoardMiB: 8,
  freezeAndSummaryMs: 500,
  docxMs: 2_000,
} as const;

export async function runBoardBench(): Promise<Record<string, unknown>> {
  const started = performance.now();
  const servers: ProbedServer[] = [];
  const holders: DocumentConnection[] = [];
  const release = () => {
    for (const holder of holders.splice(0)) holder.destroy();
  };
  try {
    progress("starting our server and vanilla Hocuspocus (child processes)");
    const ours = await startProbe("ours");
    servers.push(ours);
    const vanilla = await startProbe("vanilla");
    servers.push(vanilla);
    const chair = await tokenFor(ours.url, PROBE_ADMIN.email, PROBE_ADMIN.password);
    if (!chair.token) throw new Error("no API token for the benchmark's chair");
    const token = chair.token;
    const credentials = { token };
    const stamp = { author: chair.user.name, agency: chair.user.agency.id, agencyName: chair.user.agency.name };
    const vanillaIdle = await vanilla.measure();

    const plan = planBoard(LOADED_BOARD);
    const cards = plannedCardCount(plan);
    progress(`seeding ${MEMORY_BOARDS} audits with the loaded board (${cards} cards) on our server`);
    const audits = [];
    for (let i = 0; i < MEMORY_BOARDS; i++)
      audits.push(await seedOurs(ours.url, ours.wsUrl, credentials, plan, stamp, `Bench board ${i + 1}`));
    const state = audits[0].state;
    await untilUnloaded(ours);
    const oursIdle = await ours.measure();

    progress(`memory: opening ${MEMORY_BOARDS} boards on each server (one client each)`);
    for (const audit of audits) holders.push(await connectDocument(ours.wsUrl, audit.auditId, credentials, { timeoutMs: 30_000 }));
    const oursOpen = await ours.measure();
    const vanillaNames = audits.map((_, i) => `bench-board-${i + 1}`);
    for (const [i, name] of vanillaNames.entries()) holders.push(await seedVanilla(vanilla.wsUrl, name, audits[i].state));
    const vanillaOpen = await vanilla.measure();

    const load = await benchBoardLoad(
      state,
      { server: ours, name: audits[0].auditId, token },
      { server: vanilla, name: vanillaNames[0], token: null },
      cards,
    );

    progress("memory: everyone leaves; waiting for both servers to unload their boards");
    release();
    const [oursUnloadMs, vanillaUnloadMs] = await Promise.all([untilUnloaded(ours), untilUnloaded(vanilla)]);
    const memoryServers = {
      ours: serverFootprint(MEMORY_BOARDS, oursIdle, oursOpen, await ours.measure(), oursUnloadMs),
      vanilla: serverFootprint(MEMORY_BOARDS, vanillaIdle, vanillaOpen, await vanilla.measure(), vanillaUnloadMs),
    };
    await vanilla.stop();

    const fromDisk = await benchLoadFromDisk({ server: ours, name: audits[0].auditId, token }, cards);

    // The rest happens as in a meeting: someone has the board open.
    holders.push(await connectDocument(ours.wsUrl, audits[0].auditId, credentials, { timeoutMs: 30_000 }));
    const skipBrowser = browserUnavailable();
    const render: RenderFigures | { skipped: string } = skipBrowser
      ? { skipped: skipBrowser }
      : await benchFirstRender(ours.url, audits[0].auditId, PROBE_ADMIN);
    const outputs = await benchOutputs(ours.url, credentials, audits[0].auditId);
    release();
    for (const server of servers.splice(0)) await server.stop();

    // Last, on a quiet machine (servers stopped): the schema comparison in its own process.
    const schemas = await measureSchemaFootprints();

    return {
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      elapsedMs: Math.round(performance.now() - started),
      machine: machine(),
      goals: GOALS,
      board: audits[0].written,
      load: { ...load, oursFromDisk: fromDisk },
      render,
      memory: { servers: memoryServers, schemas },
      outputs,
    };
  } finally {
    release();
    for (const server of servers.splice(0)) {
      await server.stop().catch((error: unknown) => progress(`stopping ${server.kind} failed: ${String(error)}`));
    }
  }
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim(),
    memGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

type Results = Awaited<ReturnType<typeof runBoardBench>>;

/** The table rows for a result of runBoardBench(). */
export function boardRows(results: Results): Row[] {
  const r = results as unknown as {
    load: Awaited<ReturnType<typeof benchBoardLoad>> & { oursFromDisk: SyncFigures };
    render: RenderFigures | { skipped: string };
    memory: {
      servers: Record<"ours" | "vanilla", ReturnType<typeof serverFootprint>>;
      schemas: Awaited<ReturnType<typeof measureSchemaFootprints>>;
    };
    outputs: Awaited<ReturnType<typeof benchOutputs>>;
  };
  const { load, render, memory, outputs } = r;
  const rows: Row[] = [
    { metric: "Board as a Yjs update", ours: load.updateBytes, note: `gzip ${(load.gzipBytes.value / KiB).toFixed(0)} KiB` },
    {
      metric: "New client: bytes on the wire",
      ours: load.oursOpen.wireBytes,
      vanilla: load.vanillaOpen.wireBytes,
      goal: goal(load.oursOpen.wireBytes.value, GOALS.wireBytes, "≤ 250 KiB"),
      note: `ours negotiated "${load.oursOpen.extensions || "no extension"}", vanilla "${load.vanillaOpen.extensions || "no extension"}"; deflate of the update alone: ${(load.deflateBytes.value / KiB).toFixed(0)} KiB`,
    },
    { metric: "New client: sync, board open", ours: load.oursOpen.syncMs, vanilla: load.vanillaOpen.syncMs },
    {
      metric: "New client: sync, board on disk",
      ours: load.oursFromDisk.syncMs,
      note: "nobody connected: our server reads the board from storage first",
    },
  ];
  if ("skipped" in render) rows.push({ metric: "Chromium: first card visible", note: `skipped: ${render.skipped}` });
  else {
    rows.push(
      {
        metric: "Chromium: goto → first card visible",
        ours: render.firstCardMs,
        goal: goal(render.firstCardMs.value, GOALS.firstRenderMs, "≤ 1 s"),
        note: `first of the loads ${render.firstLoadMs.value.toFixed(0)} ms; board held open by another client`,
      },
      { metric: "  in page: navigation → card in DOM", ours: render.inPageMs },
    );
  }
  const { ours, vanilla } = memory.servers;
  rows.push(
    {
      metric: "Server heap per open board",
      ours: ours.heapPerBoard,
      vanilla: vanilla.heapPerBoard,
      goal: goal(ours.heapPerBoard.value, GOALS.heapPerBoardMiB, "≤ 8 MiB"),
      note: `${ours.boards} boards open, one client each; heapUsed after gc in the server process`,
    },
    { metric: "Server RSS per open board", ours: ours.rssPerBoard, vanilla: vanilla.rssPerBoard },
    {
      metric: "Last client left → boards unloaded",
      ours: ours.unloadMs,
      vanilla: vanilla.unloadMs,
      note: `documents ${ours.open.documents} → ${ours.afterLeaving.documents}; heap ${ours.open.heapUsedMiB.toFixed(1)} → ${ours.afterLeaving.heapUsedMiB.toFixed(1)} MiB (idle ${ours.idle.heapUsedMiB.toFixed(1)}), RSS ${ours.open.rssMiB.toFixed(0)} → ${ours.afterLeaving.rssMiB.toFixed(0)} MiB`,
    },
  );
  for (const schema of memory.schemas) {
    rows.push({
      metric: `Schema ${schema.schema}: heap/board`,
      ours: { ...figure(schema.heapMBPerBoard, "MiB"), loadavg1: schema.loadavg1 },
      goal: goal(schema.heapMBPerBoard, GOALS.heapPerBoardMiB, "≤ 8 MiB"),
      note: `${schema.typesPerCard.toFixed(2)} Yjs types/card, ${schema.items} items, update ${(schema.updateBytes / KiB).toFixed(0)} KiB (gzip ${(schema.gzipBytes / KiB).toFixed(0)}), load ${schema.loadMs.toFixed(0)} ms`,
    });
  }
  rows.push(
    { metric: "Freeze (POST, board open)", ours: outputs.freezeMs },
    { metric: "Learning summary (HTML)", ours: outputs.summaryHtmlMs, note: `${(outputs.htmlBytes / KiB).toFixed(0)} KiB` },
    {
      metric: "Freeze + summary",
      ours: outputs.freezeAndSummaryMs,
      goal: goal(outputs.freezeAndSummaryMs.value, GOALS.freezeAndSummaryMs, "≤ 500 ms"),
    },
    {
      metric: "Learning summary (DOCX)",
      ours: outputs.docxMs,
      goal: goal(outputs.docxMs.value, GOALS.docxMs, "≤ 2 s"),
      note: `${(outputs.docxBytes / KiB).toFixed(0)} KiB`,
    },
  );
  return rows;
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    progress("watchdog: still running after 240 s; stopping");
    process.exit(2);
  }, 240_000);
  watchdog.unref();
  const results = await runBoardBench();
  clearTimeout(watchdog);
  const m = results.machine as { cpus: number; model: string; node: string; loadavg: number[] };
  console.log(
    `MACA Board — board benchmark (${((results.elapsedMs as number) / 1000).toFixed(0)} s; ${m.cpus} × ${m.model}, Node ${m.node}; load averages ${m.loadavg.join(" ")} at the end)\n`,
  );
  printTable(`Loaded board: ${LOADED_BOARD.cases} cases × ${LOADED_BOARD.cardsPerCase} cards`, boardRows(results));
  if (process.argv.includes("--json")) console.log(JSON.stringify(results, null, 2));
}

if (process.argv[1]?.endsWith("board.ts")) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
