import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { coordinatorTiesQuery } from "../graphql/coordinatorTiesQuery";

/**
 * On a person's panel: how strong each coordinator's own tie to them is (warm by the workspace's
 * threshold or not), and when they last spoke (the latest two-way contact) — so a coordinator sees
 * whether *they* know the person, and who of the team does.
 */
export function CoordinatorTiesPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [result, refetch] = useQuery({ query: coordinatorTiesQuery, variables: { person: personId } });
  const ties = result.data?.coordinatorTies ?? [];
  return (
    <div className="coordinator-ties" data-testid="coordinator-ties">
      <h3>{t("coordinatorTies.title")}</h3>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(result.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {ties.length === 0 ? (
          <p className="muted">{t("coordinatorTies.none")}</p>
        ) : (
          <ul className="coordinator-tie-list">
            {ties.map((tie) => (
              <li key={tie.coordinator.id} data-testid="coordinator-tie">
                <strong>
                  {tie.coordinator.name}
                  {tie.me ? ` (${t("coordinatorTies.me")})` : ""}
                </strong>
                {": "}
                {tie.strength === null || tie.strength === undefined ? (
                  <span className="muted">{t("coordinatorTies.noTie")}</span>
                ) : (
                  <span>
                    {f.score(tie.strength)} · {tie.warm ? t("coordinatorTies.warm") : t("coordinatorTies.cold")}
                    {tie.channel ? ` · ${t(`enums.tieChannel.${tie.channel}`, { defaultValue: tie.channel })}` : ""}
                    {tie.introducedBy ? ` · ${t("coordinatorTies.introducedBy", { name: tie.introducedBy.name })}` : ""}
                    <br />
                    <span className="muted">
                      {t("coordinatorTies.lastSpoke", { date: f.date(tie.lastSpoke) })} ·{" "}
                      {t("coordinatorTies.lastContact", { date: f.date(tie.lastContact) })}
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
