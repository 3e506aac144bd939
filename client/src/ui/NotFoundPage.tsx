import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "./PageHeader";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t("notFound.title")} />
      <p>{t("notFound.text")}</p>
      <Link to="/cases">{t("notFound.back")}</Link>
    </section>
  );
}
