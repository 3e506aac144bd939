import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../../app/access";
import { isPortalOnly } from "../../../app/accessPolicy";
import { PageHeader } from "../../../ui/PageHeader";
import { PortalPage } from "./PortalPage";

/**
 * /portal: the portal of the signed-in person. It needs an account of the portal (or an admin linked to a
 * person, who may look); any other role gets a plain explanation instead of a refused question.
 */
export function PortalRoute() {
  const { t } = useTranslation();
  const { user, access } = useSession();
  if (access.portal && (isPortalOnly(user.roles) || user.person)) return <PortalPage />;
  return (
    <section>
      <PageHeader title={t("access.notForRole")} />
      <p>{t("portal.notForRole")}</p>
      <Link to="/cases">{t("notFound.back")}</Link>
    </section>
  );
}
