import { useMemo, useState } from "react";
import { RouterProvider } from "react-router";
import { Provider } from "urql";
import { useAuthState } from "./authStore";
import { createClient } from "./client";
import { router } from "./router";
import { LoginPage } from "../modules/auth/components/LoginPage";
import { SessionGate } from "./access";
import { InvitePage, invitationTokenAt } from "../modules/invitations/components/InvitePage";
import { isPublicPath, PublicApp } from "../modules/public/components/PublicApp";

/**
 * Providers and the sign-in gate: signed out, only the login page shows (the API answers nothing
 * else to anonymous callers); signed in, SessionGate asks who the user is before any page, so pages
 * ask only for what the role may read. A new urql client per sign-in or sign-out (in any tab): it
 * starts with an empty cache, so nothing one user saw is shown to the next.
 */
export function App() {
  const { signedIn, generation } = useAuthState();
  // `generation` is the dependency on purpose: a new session must mean a new, empty cache.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  const client = useMemo(() => createClient(), [generation]);
  // An invitation link (/invite/<token>) opens its own page, signed in or not; once it signed in, the app starts at "/".
  const [inviteToken, setInviteToken] = useState(() => invitationTokenAt(window.location.pathname));
  const leaveInvitation = () => {
    // Through the router, which read the address when it was made: "/" then leads a portal account to its portal.
    void router.navigate("/", { replace: true });
    setInviteToken(null);
  };
  // The public pages (the SME's question form and status link, issue #18 part 1) show to anyone, signed in or not.
  if (isPublicPath(window.location.pathname)) {
    return (
      <Provider value={client}>
        <PublicApp />
      </Provider>
    );
  }
  return (
    <Provider value={client}>
      {inviteToken ? (
        <InvitePage token={inviteToken} onSignedIn={leaveInvitation} />
      ) : signedIn ? (
        <SessionGate>
          <RouterProvider router={router} />
        </SessionGate>
      ) : (
        <LoginPage />
      )}
    </Provider>
  );
}
