/** /admin/users: every account; create one, change name, agency and admin rights, disable, reset a password. */
import { api } from "../api/client.ts";
import { useAsync, useReloadable } from "../app/useAsync.ts";
import { usePageTitle } from "../app/usePageTitle.ts";
import { StatusLine, useStatusLine } from "../ui/StatusLine.tsx";
import { CreateUserForm } from "./CreateUserForm.tsx";
import { UserRow } from "./UserRow.tsx";

export function UsersPage() {
  usePageTitle("Users");
  const users = useReloadable(() => api.listUsers(), []);
  const agencies = useAsync(() => api.agencies(), []);
  const line = useStatusLine();
  const agencyList = agencies.status === "ready" ? agencies.value : [];
  const changed = (message: string) => {
    line.say(message);
    users.reload();
  };

  return (
    <main className="page wide" id="main">
      <h1>Users</h1>
      <p className="hint">
        Everyone who can sign in. Disabling an account or resetting its password ends its sessions and open boards at once. Which audits a
        person sees is set on each audit's members page.
      </p>
      <StatusLine status={line.status} error={line.error} />
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">Accounts</h2>
        {users.state.status === "loading" && <p>Loading accounts…</p>}
        {users.state.status === "error" && <p role="alert">Could not load the accounts: {users.state.message}</p>}
        {users.state.status === "ready" && (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Accounts</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Admin</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.state.value.map((user) => (
                  <UserRow key={user.id} user={user} agencies={agencyList} onChanged={changed} onError={line.fail} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Create an account</h2>
        {agencies.status === "error" && <p role="alert">Could not load the agency list: {agencies.message}</p>}
        <CreateUserForm agencies={agencyList} onCreated={users.reload} />
      </section>
    </main>
  );
}
