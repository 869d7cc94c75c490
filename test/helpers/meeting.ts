/**
 * Real clients of an audit's meeting document (`<auditId>:meeting`): a HocuspocusProvider,
 * multiplexed on a board connection's socket when one is given (as the browser does), with a
 * small vocabulary over shared/meeting.
 */
import type * as Y from "yjs";
import { goToCase, type MeetingJson, pauseTimer, readMeeting, startTimer } from "../../shared/meeting/index.ts";
import { meetingDocName } from "../../shared/meeting/schema.ts";
import { type ConnectOptions, connectDocument, type DocumentConnection } from "./board.ts";
import type { Credentials } from "./people.ts";
import { waitFor } from "./wait.ts";

export interface MeetingConnection extends DocumentConnection {
  meeting: MeetingClient;
}

/** Connects to `auditId`'s meeting document and resolves once synced (rejects when refused). */
export async function connectMeeting(
  wsUrl: string,
  auditId: string,
  credentials: Credentials,
  options: ConnectOptions = {},
): Promise<MeetingConnection> {
  const connection = await connectDocument(wsUrl, meetingDocName(auditId), credentials, options);
  return { ...connection, meeting: new MeetingClient(connection.doc, connection) };
}

export class MeetingClient {
  constructor(
    readonly doc: Y.Doc,
    private readonly connection?: Pick<DocumentConnection, "provider">,
  ) {}

  read(): MeetingJson {
    return readMeeting(this.doc);
  }

  goToCase(caseId: string, budgetMinutes = 20): void {
    goToCase(this.doc, caseId, budgetMinutes);
  }

  startTimer(): boolean {
    return startTimer(this.doc);
  }

  pauseTimer(): boolean {
    return pauseTimer(this.doc);
  }

  /** Resolves once the server has acknowledged every local change (never, for a read-only one). */
  async flushed(timeoutMs = 5_000): Promise<void> {
    const provider = this.connection?.provider;
    if (!provider) return;
    await waitFor(() => !provider.hasUnsyncedChanges, timeoutMs, "the server to acknowledge local meeting changes");
  }
}
