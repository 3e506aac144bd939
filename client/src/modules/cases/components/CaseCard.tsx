import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaseBoardQuery } from "../../../generated/graphql";
import { useFormat } from "../../../ui/useFormat";
import { CaseActions } from "./CaseActions";

export type CaseCardData = CaseBoardQuery["caseBoard"]["cards"][number];

/** One case on the board: what it is, for whom, how far, and the move it can make next. */
export function CaseCard({ card, onDone }: { card: CaseCardData; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  return (
    <article className="case-card" aria-labelledby={`card-${card.id}`} data-testid={`case-card-${card.id}`}>
      <h3 id={`card-${card.id}`}>
        <Link to={`/cases/${card.id}`}>{card.title}</Link>
      </h3>
      {card.selfSubmitted ? (
        // Sent by the SME itself through the public form (issue #18): a coordinator still has to qualify it.
        <p className="badge-self-submitted" data-testid="self-submitted-badge">
          {t("cases.board.selfSubmitted")}
        </p>
      ) : null}
      <p className="card-sme">
        {card.smeName ?? "—"}
        {card.smeCity ? <span className="muted"> · {card.smeCity}</span> : null}
      </p>
      {card.topicLabels.length > 0 ? (
        // The vocabulary's labels in the reader's language; the typed word on hover.
        <ul className="chips" aria-label={t("cases.board.topics")}>
          {card.topicLabels.slice(0, 4).map((topic) => (
            <li key={topic.id} title={topic.word}>
              {i18n.language === "en" ? topic.labelEn : topic.labelNl}
            </li>
          ))}
        </ul>
      ) : card.topics.length > 0 ? (
        <ul className="chips" aria-label={t("cases.board.topics")}>
          {card.topics.slice(0, 4).map((topic) => (
            <li key={topic}>{topic}</li>
          ))}
        </ul>
      ) : null}
      <dl className="card-facts">
        <div>
          <dt>{t("cases.board.levels")}</dt>
          <dd>{card.wantedLevels.join(", ") || "—"}</dd>
        </div>
        {card.deadline ? (
          <div>
            <dt>{t("cases.board.deadline")}</dt>
            <dd>{f.date(card.deadline)}</dd>
          </div>
        ) : null}
        {card.partnerName ? (
          <div>
            <dt>{t("cases.board.partner")}</dt>
            <dd>{card.partnerName}</dd>
          </div>
        ) : null}
        {card.coordinatorName ? (
          <div>
            <dt>{t("cases.board.coordinator")}</dt>
            <dd>{card.coordinatorName}</dd>
          </div>
        ) : null}
        {card.suggestionCount !== null && card.suggestionCount !== undefined ? (
          <div>
            <dt>{t("cases.board.suggestions")}</dt>
            <dd>{card.suggestionCount}</dd>
          </div>
        ) : null}
        {card.openProposals > 0 ? (
          <div>
            <dt>{t("cases.board.openProposals")}</dt>
            <dd>{card.openProposals}</dd>
          </div>
        ) : null}
      </dl>
      <CaseActions caseId={card.id} title={card.title} allowedActions={card.allowedActions} onDone={onDone} compact />
    </article>
  );
}
