import { useTranslation } from "react-i18next";
import { useFormat } from "../../../ui/useFormat";

export interface Period {
  id: string;
  name: string;
  academicYear: string;
  startDate: string;
  endDate: string;
}

/** An institution's teaching periods in date order, per academic year, with the courses that run in each. */
export function TeachingCalendar({ periods, coursesIn }: { periods: Period[]; coursesIn?: (periodId: string) => string[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (periods.length === 0) return <p className="muted">{t("organisations.noPeriods")}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="teaching-calendar">
        <thead>
          <tr>
            <th scope="col">{t("organisations.academicYear")}</th>
            <th scope="col">{t("organisations.period")}</th>
            <th scope="col">{t("organisations.dates")}</th>
            {coursesIn ? <th scope="col">{t("organisations.coursesRunning")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.id}>
              <td>{p.academicYear}</td>
              <td>{p.name}</td>
              <td>
                {f.date(p.startDate)} – {f.date(p.endDate)}
              </td>
              {coursesIn ? <td>{coursesIn(p.id).join(", ") || "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
