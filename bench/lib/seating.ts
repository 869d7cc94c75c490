/**
 * Who sits where: the documents a scenario uses and a credential for every client seat. On our
 * server that is real accounts: the bench admin creates the audits and a few attendees (members
 * of every audit), and each seat gets its own personal access token, minted by its attendee's
 * signed-in session. Vanilla Hocuspocus has no accounts: any name, no token.
 */
import { DEFAULT_AGENCIES } from "../../shared/domain/agencies.ts";
import { api, createAuditOk } from "../../test/helpers/api.ts";
import { addPerson, authHeaders, type Credentials, signIn, tokenFor } from "../../test/helpers/people.ts";
import type { CardStamp } from "../board/write.ts";
import { BENCH_ADMIN, type ChildServer } from "./childServer.ts";

export interface Seating {
  /** One document (board) per entry. */
  docNames: string[];
  /** tokens[board][seat]; null on vanilla. */
  tokens: (string | null)[][];
  /** A chair's token for setting boards up (null on vanilla). */
  setupToken: string | null;
  /** Who the setup client writes cards as (our server stamps cards with their writer). */
  setupStamp: CardStamp;
}

/** Vanilla has no accounts: the setup client writes as a made-up chair. */
const VANILLA_STAMP: CardStamp = { author: "Bench Chair", agency: "police", agencyName: "Police" };

/** Distinct attendee accounts; more seats than this share an account (one person, several tabs). */
const MAX_PEOPLE = 10;
const PARALLEL_REQUESTS = 6;

let runCounter = 0;

export async function seatClients(server: ChildServer, boards: number, seatsPerBoard: number): Promise<Seating> {
  runCounter += 1;
  if (server.kind === "vanilla") {
    return {
      docNames: Array.from({ length: boards }, (_, b) => `bench-${runCounter}-${b + 1}`),
      tokens: Array.from({ length: boards }, () => Array<string | null>(seatsPerBoard).fill(null)),
      setupToken: null,
      setupStamp: VANILLA_STAMP,
    };
  }
  const base = server.httpUrl;
  const chair = await tokenFor(base, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const admin: Credentials = { token: chair.token };
  const setupStamp: CardStamp = { author: chair.user.name, agency: chair.user.agency.id, agencyName: chair.user.agency.name };
  const audits = await inParallel(
    Array.from({ length: boards }, (_, b) => b),
    (b) => createAuditOk(api(base, admin), { title: `Bench audit ${runCounter}.${b + 1}`, theme: "Neglect" }),
  );
  const docNames = audits.map((audit) => audit.id);

  const peopleCount = Math.min(MAX_PEOPLE, seatsPerBoard);
  const people = await inParallel(
    Array.from({ length: peopleCount }, (_, p) => p),
    (p) =>
      addPerson(base, admin, {
        name: `Attendee ${String.fromCharCode(65 + p)}`,
        agency: DEFAULT_AGENCIES[p % DEFAULT_AGENCIES.length].id,
      }),
  );
  const memberships = docNames.flatMap((auditId) => people.map((person) => ({ auditId, email: person.email })));
  await inParallel(memberships, async ({ auditId, email }) => {
    const response = await api(base, admin).postJson(`/api/audits/${auditId}/members`, { email, role: "attendee" });
    if (response.status >= 300) throw new Error(`adding a member answered ${response.status}: ${JSON.stringify(response.body)}`);
  });

  // Tokens are minted while signed in (a token cannot mint tokens): one session per attendee.
  const sessions = await inParallel(people, (person) => signIn(base, person.email, person.password));
  const seats = docNames.flatMap((_, board) => Array.from({ length: seatsPerBoard }, (_, seat) => ({ board, seat })));
  const tokens = docNames.map(() => Array<string | null>(seatsPerBoard).fill(null));
  await inParallel(seats, async ({ board, seat }) => {
    const session = sessions[seat % peopleCount];
    const response = await fetch(`${base}/api/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", ...authHeaders(session, "POST") },
      body: JSON.stringify({ name: `bench seat ${board + 1}.${seat + 1}` }),
    });
    if (response.status !== 201) throw new Error(`minting a token answered ${response.status}: ${await response.text()}`);
    tokens[board][seat] = ((await response.json()) as { token: string }).token;
  });
  return { docNames, tokens, setupToken: admin.token ?? null, setupStamp };
}

/** Runs `work` over `items`, a few at a time, keeping the results' order. */
export async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>, limit = PARALLEL_REQUESTS): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
