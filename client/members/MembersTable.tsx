/** The members of an audit; for a chair or an admin, each with a role to change and a remove button. */
import { type FormEvent, useEffect, useRef, useState } from "react";
import { type MemberView, ROLE_TITLES, ROLES, type Role } from "../../shared/domain/account.ts";
import { api, messageOf } from "../api/client.ts";
import { useCurrentUser } from "../session/SessionContext.tsx";

interface MembersTableProps {
  auditId: string;
  members: MemberView[];
  canManage: boolean;
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}

export function MembersTable({ auditId, members, canManage, onChanged, onError }: MembersTableProps) {
  if (members.length === 0) return <p>No members yet.</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">Members, their agency and role</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Agency</th>
          <th scope="col">Role</th>
          {canManage && <th scope="col">Remove</th>}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <MemberRow key={member.userId} auditId={auditId} member={member} canManage={canManage} onChanged={onChanged} onError={onError} />
        ))}
      </tbody>
    </table>
  );
}

function MemberRow({ auditId, member, canManage, onChanged, onError }: Omit<MembersTableProps, "members"> & { member: MemberView }) {
  const me = useCurrentUser();
  const [role, setRole] = useState<Role>(member.role);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const isMe = member.userId === me.id;

  useEffect(() => setRole(member.role), [member.role]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      onChanged(done);
    } catch (error) {
      onError(messageOf(error));
      setRole(member.role);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  function saveRole(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(() => api.putMember(auditId, { email: member.email, role }), `${member.name} is now ${ROLE_TITLES[role].toLowerCase()}.`);
  }

  const roleId = `role-${member.userId}`;
  return (
    <tr>
      <th scope="row">
        {member.name}
        {isMe && <span className="hint"> (you)</span>}
      </th>
      <td>{member.email}</td>
      <td>{member.agency.name}</td>
      <td>
        {canManage ? (
          <form className="inline-form" onSubmit={saveRole}>
            <label htmlFor={roleId} className="visually-hidden">
              Role of {member.name}
            </label>
            <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role)} disabled={busy}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_TITLES[r]}
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy || role === member.role} aria-label={`Save role of ${member.name}`}>
              Save
            </button>
          </form>
        ) : (
          ROLE_TITLES[member.role]
        )}
      </td>
      {canManage && (
        <td>
          {confirming ? (
            <span className="button-row">
              <button
                ref={confirmRef}
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => run(() => api.removeMember(auditId, member.userId), `${member.name} is no longer a member.`)}
              >
                Confirm removal of {member.name}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} aria-label={`Remove ${member.name}`}>
              Remove
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
