import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { meQuery } from "../modules/auth/graphql/authOperations";
import { ErrorMessage } from "../ui/ErrorMessage";
import { Loading } from "../ui/Loading";
import { PageHeader } from "../ui/PageHeader";
import { accessFor, type Access } from "./accessPolicy";

export interface Session {
  user: { id: string; name: string; email: string; roles: readonly string[]; person?: { id: string; name: string } | null };
  access: Access;
}

const SessionContext = createContext<Session | null>(null);

/** Asks the API who is signed in before any page shows; an UNAUTHENTICATED answer goes to the login page (client.ts). */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [me, retry] = useQuery({ query: meQuery });
  const user = me.data?.me;
  if (!user) {
    if (me.error) {
      return (
        <main className="login" id="main">
          <div className="login-card">
            <h1>{t("shell.brand")}</h1>
            <ErrorMessage error={me.error} />
            <button type="button" className="primary" onClick={() => retry({ requestPolicy: "network-only" })}>
              {t("common.retry")}
            </button>
          </div>
        </main>
      );
    }
    return <Loading />;
  }
  return <SessionContext.Provider value={{ user, access: accessFor(user.roles) }}>{children}</SessionContext.Provider>;
}

/** The signed-in user and their access; only under SessionGate (every page is). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionGate");
  return session;
}

export type { Access };

export function useAccess(): Access {
  return useSession().access;
}

/** A page only some roles may use (the intake: CASE_WORK): others get a plain explanation instead of its form. */
export function Allowed({ flag, children }: { flag: Exclude<keyof Access, "roles">; children: ReactNode }) {
  const { t } = useTranslation();
  const access = useAccess();
  if (access[flag]) return <>{children}</>;
  return (
    <section>
      <PageHeader title={t("access.notForRole")} />
      <p>{t("access.notForRoleText")}</p>
      <Link to="/cases">{t("notFound.back")}</Link>
    </section>
  );
}
