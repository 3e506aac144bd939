import { Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation } from "react-router";
import { useAccess } from "./access";
import { ConnectionBanner } from "../ui/ConnectionBanner";
import { LanguageToggle } from "../ui/LanguageToggle";
import { Loading } from "../ui/Loading";
import { UserMenu } from "../modules/auth/components/UserMenu";

const sections: ReadonlyArray<{ to: string; key: string; needs?: "caseWork" }> = [
  { to: "/todo", key: "todo", needs: "caseWork" },
  { to: "/cases", key: "board" },
  { to: "/intake", key: "intake", needs: "caseWork" },
  { to: "/explorer", key: "explorer" },
  { to: "/embedding", key: "embedding" },
  { to: "/outreach", key: "outreach" },
  { to: "/institutions", key: "institutions" },
  { to: "/digests", key: "digests" },
  { to: "/outbox", key: "outbox", needs: "caseWork" },
  { to: "/figures", key: "figures" },
  { to: "/topics", key: "topics", needs: "caseWork" },
];

/**
 * The frame around every page: skip link, navigation, language toggle, connection banner. Links a role
 * cannot use are left out. On a narrow screen the navigation and the user menu fold behind a menu button
 * (styles.css, "Any screen"), which closes again when a page is chosen.
 */
export function AppShell() {
  const { t } = useTranslation();
  const access = useAccess();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header className={menuOpen ? "topbar menu-open" : "topbar"}>
        <span className="brand">{t("shell.brand")}</span>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="topbar-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span> {t("shell.menu")}
        </button>
        <nav aria-label={t("shell.navigation")} id="topbar-menu">
          <ul>
            {sections
              .filter((s) => !s.needs || access[s.needs])
              .map((s) => (
                <li key={s.to}>
                  <NavLink to={s.to} onClick={() => setMenuOpen(false)}>
                    {t(`shell.nav.${s.key}`)}
                  </NavLink>
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
