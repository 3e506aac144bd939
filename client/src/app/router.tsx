import { TopicsPage } from "../modules/vocabulary/components/TopicsPage";
import { lazy } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { AppShell } from "./AppShell";
import { NotFoundPage } from "../ui/NotFoundPage";
import { Allowed, useSession } from "./access";
import { isPortalOnly } from "./accessPolicy";

/** "/": the case board, or for an account of the institution portal its portal page. */
function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={isPortalOnly(user.roles) ? "/portal" : "/cases"} replace />;
}

// Pages load on first visit: the graph and chart libraries stay out of the first download.
const CaseBoardPage = lazy(() => import("../modules/cases/components/CaseBoardPage").then((m) => ({ default: m.CaseBoardPage })));
const CasePage = lazy(() => import("../modules/cases/components/CasePage").then((m) => ({ default: m.CasePage })));
const IntakePage = lazy(() => import("../modules/intake/components/IntakePage").then((m) => ({ default: m.IntakePage })));
const ExplorerPage = lazy(() => import("../modules/explorer/components/ExplorerPage").then((m) => ({ default: m.ExplorerPage })));
const EmbeddingDashboardPage = lazy(() =>
  import("../modules/embedding/components/EmbeddingDashboardPage").then((m) => ({ default: m.EmbeddingDashboardPage })),
);
const EmbeddingDetailPage = lazy(() =>
  import("../modules/embedding/components/EmbeddingDetailPage").then((m) => ({ default: m.EmbeddingDetailPage })),
);
const OutreachPage = lazy(() => import("../modules/outreach/components/OutreachPage").then((m) => ({ default: m.OutreachPage })));
const DigestsPage = lazy(() => import("../modules/digests/components/DigestsPage").then((m) => ({ default: m.DigestsPage })));
const PersonPage = lazy(() => import("../modules/people/components/PersonPage").then((m) => ({ default: m.PersonPage })));
const InstitutionsPage = lazy(() =>
  import("../modules/organisations/components/InstitutionsPage").then((m) => ({ default: m.InstitutionsPage })),
);
const InstitutionPage = lazy(() =>
  import("../modules/organisations/components/InstitutionPage").then((m) => ({ default: m.InstitutionPage })),
);
const ProgrammePage = lazy(() =>
  import("../modules/organisations/components/ProgrammePage").then((m) => ({ default: m.ProgrammePage })),
);
const OutboxPage = lazy(() => import("../modules/mail/components/OutboxPage").then((m) => ({ default: m.OutboxPage })));
const TodoPage = lazy(() => import("../modules/mail/components/TodoPage").then((m) => ({ default: m.TodoPage })));
const PortalRoute = lazy(() => import("../modules/portal/components/PortalRoute").then((m) => ({ default: m.PortalRoute })));
const ImportPage = lazy(() => import("../modules/spreadsheets/components/ImportPage").then((m) => ({ default: m.ImportPage })));
const FiguresPage = lazy(() => import("../modules/figures/components/FiguresPage").then((m) => ({ default: m.FiguresPage })));

/** Every page of the app, under the shell. */
export const router = createBrowserRouter([
  {
    path: "/",
    element: <AppShell />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: "portal", element: <PortalRoute /> },
      { path: "cases", element: <CaseBoardPage /> },
      { path: "cases/:caseId", element: <CasePage /> },
      {
        path: "intake",
        element: (
          <Allowed flag="caseWork">
            <IntakePage />
          </Allowed>
        ),
      },
      { path: "explorer", element: <ExplorerPage /> },
      { path: "embedding", element: <EmbeddingDashboardPage /> },
      { path: "embedding/programmes/:id", element: <EmbeddingDetailPage kind="PROGRAMME" /> },
      { path: "embedding/institutions/:id", element: <EmbeddingDetailPage kind="INSTITUTION" /> },
      { path: "outreach", element: <OutreachPage /> },
      { path: "digests", element: <DigestsPage /> },
      { path: "outbox", element: <OutboxPage /> },
      {
        // A coordinator's work list (its menu item needs CASE_WORK; its detail names people): by address, other roles
        // get the plain "not for your role" page instead of a FORBIDDEN banner (#17 part 4).
        path: "todo",
        element: (
          <Allowed flag="caseWork">
            <TodoPage />
          </Allowed>
        ),
      },
      { path: "figures", element: <FiguresPage /> },
      {
        path: "import",
        element: (
          <Allowed flag="dataTransfer">
            <ImportPage />
          </Allowed>
        ),
      },
      { path: "topics", element: <TopicsPage /> },
      { path: "people/:id", element: <PersonPage /> },
      { path: "institutions", element: <InstitutionsPage /> },
      { path: "institutions/:id", element: <InstitutionPage /> },
      { path: "programmes/:id", element: <ProgrammePage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
