import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { useSession } from "../../../app/access";
import { authStore } from "../../../app/authStore";
import { signOutEverywhereMutation, signOutMutation } from "../graphql/authOperations";

/** Who is signed in (and as which person of the graph), with which roles, and the ways out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [signingOut, signOut] = useMutation(signOutMutation);
  const [, signOutEverywhere] = useMutation(signOutEverywhereMutation);

  // The API clears the HttpOnly cookie; the login page follows in this tab and (authStore's storage event) every other.
  async function leave(everywhere: boolean) {
    await (everywhere ? signOutEverywhere({}) : signOut({}));
    authStore.signOut();
  }

  return (
    <div className="user-menu">
      {/* Cut with an ellipsis when the bar is narrow (styles.css): the title keeps all of it. */}
      <span
        className="user-name"
        title={[user.name, user.email, user.roles.map((r) => t(`auth.roles.${r}`, { defaultValue: r })).join(", ")].join(" · ")}
      >
        {user.name}
        {/* The person of the graph this account acts as: who the timeline names for what they do. */}
        {user.person && user.person.name !== user.name ? <span className="muted"> ({user.person.name})</span> : null}
        <span className="muted"> · {user.roles.map((r) => t(`auth.roles.${r}`, { defaultValue: r })).join(", ")}</span>
      </span>
      <button type="button" className="link-button" disabled={signingOut.fetching} onClick={() => void leave(false)}>
        {t("auth.signOut")}
      </button>
      <button type="button" className="link-button" title={t("auth.signOutEverywhereHint")} onClick={() => void leave(true)}>
        {t("auth.signOutEverywhere")}
      </button>
    </div>
  );
}
