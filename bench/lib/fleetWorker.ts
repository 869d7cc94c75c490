/**
 * A worker thread hosting a share of a scenario's clients: connects them, then on "go" has the
 * writers edit at a steady rate until `sendUntil`, records every stamp observed, and reports.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type BenchClient, nodeOfSeat } from "./benchClient.ts";
import { NO_STALLS, watchStalls } from "./clientStalls.ts";
import { nowMs, sleep } from "./clock.ts";
import { EditClient } from "./editClient.ts";
import type { FleetCommand, FleetReport, FleetWorkerData } from "./fleetProtocol.ts";
import { LightClient } from "./lightClient.ts";
import { Samples } from "./stats.ts";

const data = workerData as FleetWorkerData;
const port = parentPort;
if (!port) throw new Error("fleetWorker runs as a worker thread");
const send = (report: FleetReport, transfer: ArrayBuffer[] = []) => port.postMessage(report, transfer);

const clients: BenchClient[] = [];
const latencies = new Samples();
const crossNodeLatencies = new Samples();
const sentAts = new Samples();
const receivedAts = new Samples();
let measureFrom = Number.POSITIVE_INFINITY;

async function connectAll(): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < data.seats.length) {
      const plan = data.seats[next++];
      const wsUrl = plan.node?.wsUrl ?? data.wsUrl;
      clients.push(plan.kind === "provider" ? await EditClient.connect(wsUrl, plan) : await LightClient.connect(wsUrl, plan));
    }
  };
  await Promise.all(Array.from({ length: Math.min(data.connectConcurrency, data.seats.length) }, lane));
  for (const client of clients) {
    const node = client.plan.node?.index;
    client.watch((stamp, receivedAt) => {
      if (stamp.sentAt < measureFrom) return;
      latencies.push(receivedAt - stamp.sentAt);
      // A writer's number is its seat on the board, so its node follows from the same rule.
      if (node !== undefined && data.nodes > 1 && nodeOfSeat(stamp.writer, data.nodes) !== node) {
        crossNodeLatencies.push(receivedAt - stamp.sentAt);
      }
      sentAts.push(stamp.sentAt);
      receivedAts.push(receivedAt);
    });
  }
}

/** Writers edit every `intervalMs`, each at its own random phase, until `sendUntil`. */
async function write(sendUntil: number, graceMs: number): Promise<void> {
  const sentByDoc: Record<string, number> = {};
  const timers: NodeJS.Timeout[] = [];
  // This thread's own stalls over the measured window (the grace period included: late stamps arrive then).
  let watch: ReturnType<typeof watchStalls> | undefined;
  const startWatch = setTimeout(() => (watch = watchStalls()), Math.max(0, measureFrom - nowMs()));
  for (const client of clients.filter((c) => c.isWriter)) {
    const tick = () => {
      if (nowMs() >= sendUntil) return;
      const stamp = client.edit(data.presence);
      if (stamp.sentAt >= measureFrom) sentByDoc[client.plan.docName] = (sentByDoc[client.plan.docName] ?? 0) + 1;
    };
    timers.push(
      setTimeout(() => {
        tick();
        timers.push(setInterval(tick, data.editIntervalMs));
      }, Math.random() * data.editIntervalMs),
    );
  }
  await sleep(Math.max(0, sendUntil - nowMs()));
  for (const timer of timers) clearTimeout(timer);
  // Edits still in flight when the writers stop get this long to arrive.
  await sleep(graceMs);
  clearTimeout(startWatch);
  const stalls = watch?.stop() ?? NO_STALLS;
  const report: FleetReport = {
    type: "done",
    latencies: latencies.toArray(),
    crossNodeLatencies: crossNodeLatencies.toArray(),
    sentAts: sentAts.toArray(),
    receivedAts: receivedAts.toArray(),
    sentByDoc,
    stalls,
  };
  send(report, [
    report.latencies.buffer as ArrayBuffer,
    report.crossNodeLatencies.buffer as ArrayBuffer,
    report.sentAts.buffer as ArrayBuffer,
    report.receivedAts.buffer as ArrayBuffer,
  ]);
}

port.on("message", (command: FleetCommand) => {
  if (command.type === "go") {
    measureFrom = command.measureFrom;
    write(command.sendUntil, command.graceMs).catch((error: unknown) => send({ type: "failed", error: String(error) }));
  } else if (command.type === "stop") {
    for (const client of clients.splice(0)) client.destroy();
    send({ type: "stopped" });
    port.close();
  }
});

connectAll().then(
  () => send({ type: "connected", count: clients.length }),
  (error: unknown) => {
    for (const client of clients.splice(0)) client.destroy();
    send({ type: "failed", error: error instanceof Error ? error.message : String(error) });
  },
);
