/**
 * End-to-end, on two nodes (PostgreSQL + a private Redis): when Redis goes away the page says
 * that colleagues on other nodes may arrive late but its changes are still saved; an edit made
 * meanwhile is saved and reaches the other node's page all the same (read back from the shared
 * database), and when Redis is back the notice goes.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { launchBrowser, newPerson, openBoardAs, waitForEditorFocus } from "../helpers/browser.ts";
import { type ClusterNodes, startClusterNodes } from "../helpers/clusterNodes.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { RedisServer } from "../helpers/redisServer.ts";

let redis: RedisServer;
let cluster: ClusterNodes;
let browser: Browser;
let auditId: string;
let people: Person[];

beforeAll(async () => {
  redis = await RedisServer.start();
  cluster = await startClusterNodes({ redisUrl: redis.url });
  browser = await launchBrowser();
  const [a] = cluster.nodes;
  const client = api(a.url, a.admin);
  auditId = (await createAuditOk(client, { agencies: ["police", "health"] })).id;
  await addCaseOk(client, auditId, { label: "Case 1" });
  people = await Promise.all(
    ["Pat Police", "Hana Health"].map((name, i) => addPerson(a.url, a.admin, { name, agency: i === 0 ? "police" : "health", auditId })),
  );
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await cluster?.cleanup();
  await redis?.kill();
});

it("tells the page while its node has lost the others, keeps saving, and merges when the link is back", async () => {
  const [a, b] = cluster.nodes;
  const onA = await newPerson(browser);
  const onB = await newPerson(browser);
  await openBoardAs(onA, a.url, auditId, people[0]);
  await openBoardAs(onB, b.url, auditId, people[1]);
  const notice = onA.getByRole("status").filter({ hasText: "may arrive a few seconds late" });
  expect(await notice.count()).toBe(0);

  await redis.kill();
  await notice.waitFor({ timeout: 15_000 });
  await onA.getByRole("button", { name: "Add card to What is working well" }).click();
  await waitForEditorFocus(onA);
  await onA.keyboard.type("Written while Redis was down");
  await onA.keyboard.press("Escape");
  await onA.locator("article.card", { hasText: "Written while Redis was down" }).waitFor();
  await onA.getByText("Saved", { exact: true }).waitFor({ timeout: 15_000 });
  await onA.screenshot({ path: "test-results/cluster-link-paused.png" });
  await onB.locator("article.card", { hasText: "Written while Redis was down" }).waitFor({ timeout: 15_000 });

  await redis.start();
  await notice.waitFor({ state: "detached", timeout: 20_000 });
}, 120_000);
