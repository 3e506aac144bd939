import { createBrowserRouter, RouterProvider } from "react-router";
import { QuestionFormPage } from "./QuestionFormPage";
import { StatusPage } from "./StatusPage";

/** The public pages (issue #18 part 1): served without signing in, with or without a session. */
const publicRouter = createBrowserRouter([
  { path: "/vraag", element: <QuestionFormPage /> },
  { path: "/question", element: <QuestionFormPage /> },
  { path: "/status/:token", element: <StatusPage /> },
]);

/** Whether a path is one of the public pages (App shows them before the sign-in gate). */
export function isPublicPath(pathname: string): boolean {
  return /^\/(vraag|question)\/?$/.test(pathname) || /^\/status\/[^/]+\/?$/.test(pathname);
}

export function PublicApp() {
  return <RouterProvider router={publicRouter} />;
}
