import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { authStore } from "../../../app/authStore";
import { meQuery } from "../graphql/authOperations";

/** Who is signed in (and as which person of the graph), with which roles, and the way out. */
export function UserMenu() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: meQuery });
  const user = me.data?.me;
  return (
    <div className="user-menu">
      {user ? (
        <span className="user-name" title={user.email}>
          {user.name}
          {/* The person of the graph this account acts as: who the timeline names for what they do. */}
          {user.person && user.person.name !== user.name ? <span className="muted"> ({user.person.name})</span> : null}
          <span className="muted"> · {user.roles.map((r) => t(`auth.roles.${r}`, { defaultValue: r })).join(", ")}</span>
        </span>
      ) : null}
      <button type="button" className="link-button" onClick={() => authStore.signOut()}>
        {t("auth.signOut")}
      </button>
    </div>
  );
}
