import { useMemo } from "react";
import { RouterProvider } from "react-router";
import { Provider } from "urql";
import { useAuthState } from "./authStore";
import { createClient } from "./client";
import { router } from "./router";
import { LoginPage } from "../modules/auth/components/LoginPage";

/**
 * Providers and the sign-in gate: without a token only the login page shows (the API answers
 * nothing else to anonymous callers). A new urql client per token: a sign-in or sign-out starts
 * with an empty cache, so nothing one user saw is shown to the next.
 */
export function App() {
  const { token } = useAuthState();
  // `token` is the dependency on purpose: createClient reads the token per request, but a new
  // token must also mean a new, empty cache.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  const client = useMemo(() => createClient(), [token]);
  return <Provider value={client}>{token ? <RouterProvider router={router} /> : <LoginPage />}</Provider>;
}
