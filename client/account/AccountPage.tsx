/** /account: who I am, my password, my personal access tokens. */
import { usePageTitle } from "../app/usePageTitle.ts";
import { useCurrentUser } from "../session/SessionContext.tsx";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { TokensSection } from "./TokensSection.tsx";

export function AccountPage() {
  usePageTitle("Your account");
  const user = useCurrentUser();
  return (
    <main className="page narrow-ish" id="main">
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Agency</dt>
        <dd>{user.agency.name}</dd>
        {user.admin && (
          <>
            <dt>Access</dt>
            <dd>Admin of this partnership's MACA Board</dd>
          </>
        )}
      </dl>
      <p className="hint">An admin changes your name or agency. In each audit you write as the agency its chair set for you.</p>
      <ChangePasswordForm />
      <TokensSection />
    </main>
  );
}
