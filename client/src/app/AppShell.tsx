import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import { ConnectionBanner } from "../ui/ConnectionBanner";
import { LanguageToggle } from "../ui/LanguageToggle";
import { Loading } from "../ui/Loading";
import { UserMenu } from "../modules/auth/components/UserMenu";

const sections = [
  { to: "/todo", key: "todo" },
  { to: "/cases", key: "board" },
  { to: "/intake", key: "intake" },
  { to: "/explorer", key: "explorer" },
  { to: "/embedding", key: "embedding" },
  { to: "/outreach", key: "outreach" },
  { to: "/institutions", key: "institutions" },
  { to: "/digests", key: "digests" },
  { to: "/outbox", key: "outbox" },
  { to: "/figures", key: "figures" },
  { to: "/topics", key: "topics" },
] as const;

/** The frame around every page: skip link, navigation, language toggle, connection banner. */
export function AppShell() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header className="topbar">
        <span className="brand">{t("shell.brand")}</span>
        <nav aria-label={t("shell.navigation")}>
          <ul>
            {sections.map((s) => (
              <li key={s.to}>
                <NavLink to={s.to}>{t(`shell.nav.${s.key}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-end">
          <LanguageToggle />
          <UserMenu />
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
