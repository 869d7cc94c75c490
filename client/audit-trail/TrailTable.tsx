/** Audit-trail entries, newest first: time, who, agency, what happened, details. */
import type { AuditEvent } from "../../shared/domain/account.ts";
import { eventDetails, eventTime, eventTitle } from "./eventText.ts";

export function TrailTable({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <p>No entries match these filters.</p>;
  const newestFirst = [...events].reverse();
  return (
    <div className="table-scroll">
      <table className="data-table trail-table">
        <caption className="visually-hidden">Audit trail entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Who</th>
            <th scope="col">Agency</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((event) => (
            <tr key={event.seq}>
              <td>{event.seq}</td>
              <td className="nowrap">
                <time dateTime={event.at}>{eventTime(event.at)}</time>
              </td>
              <td>{event.actor ?? "—"}</td>
              <td>{event.agency ?? "—"}</td>
              <td>{eventTitle(event.type)}</td>
              <td className="details">{eventDetails(event)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
