import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { useAccess } from "../../../app/access";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import {
  addTopicSynonymMutation,
  mergeTopicMutation,
  removeTopicSynonymMutation,
  setTopicLinksMutation,
  topicDetailQuery,
} from "../graphql/topicQueries";
import { topicLabel, TopicPicker, type PickedTopic } from "./TopicPicker";

/**
 * One topic for a coordinator (issue #15): its labels and synonyms (add, remove), its broader and narrower topics
 * (add, remove: the server refuses a circle and says which), merging it into another topic, and where it is used — its
 * cases (to the case page) and courses (to their programme's page). Analysts and viewers see it without the controls.
 */
export function TopicDetail({ id, onMerged }: { id: string; onMerged: (into: string) => void }) {
  const { t, i18n } = useTranslation();
  const { caseWork } = useAccess();
  const [detail, refetch] = useQuery({ query: topicDetailQuery, variables: { id }, requestPolicy: "cache-and-network" });
  const [synonymResult, addSynonym] = useMutation(addTopicSynonymMutation);
  const [removeResult, removeSynonym] = useMutation(removeTopicSynonymMutation);
  const [linksResult, setLinks] = useMutation(setTopicLinksMutation);
  const [mergeResult, merge] = useMutation(mergeTopicMutation);
  const [synonym, setSynonym] = useState("");
  const [mergeInto, setMergeInto] = useState<PickedTopic | null>(null);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const topic = detail.data?.topics[0];
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!topic) return detail.fetching ? null : <p className="muted">{t("vocabulary.notFound")}</p>;

  const broader = topic.broader.map((b) => b.id);
  const narrower = topic.narrower.map((n) => n.id);
  const linked = [topic.id, ...broader, ...narrower];
  // Only the list that changed is sent: the other stays as the server has it.
  const changeLinks = (next: { broader?: string[]; narrower?: string[] }) =>
    void setLinks({ id: topic.id, ...next }).then(reload);
  const error = synonymResult.error ?? removeResult.error ?? linksResult.error ?? mergeResult.error;

  const linkList = (kind: "broader" | "narrower", list: typeof topic.broader) => (
    <div>
      <h4>{t(`vocabulary.${kind}`)}</h4>
      {list.length === 0 ? <p className="muted">{t("vocabulary.noLinks")}</p> : null}
      <ul className="chips">
        {list.map((other) => (
          <li key={other.id}>
            {topicLabel(other, i18n.language)}
            {caseWork ? (
              <button
                type="button"
                className="link"
                aria-label={t("vocabulary.removeLink", { label: topicLabel(other, i18n.language) })}
                onClick={() => changeLinks({ [kind]: (kind === "broader" ? broader : narrower).filter((x) => x !== other.id) })}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {caseWork ? (
        <TopicPicker
          label={t(kind === "broader" ? "vocabulary.addBroader" : "vocabulary.addNarrower")}
          exclude={linked}
          onPick={(picked) => changeLinks({ [kind]: [...(kind === "broader" ? broader : narrower), picked.id] })}
        />
      ) : null}
    </div>
  );

  return (
    <article className="panel topic-detail" data-testid="topic-detail">
      <h3>
        {topicLabel(topic, i18n.language)} <span className="muted">({topic.id})</span>
      </h3>
      <p>
        {t("vocabulary.labelNl")}: <strong>{topic.labelNl}</strong> · {t("vocabulary.labelEn")}: <strong>{topic.labelEn}</strong>
        {" · "}
        {t(`vocabulary.status.${topic.status}`)}
      </p>
      {error ? <ErrorMessage error={error} /> : null}

      <h4>{t("vocabulary.synonyms")}</h4>
      <ul className="chips" data-testid="topic-synonyms">
        {topic.synonyms.map((s) => (
          <li key={s}>
            {s}
            {caseWork ? (
              <button
                type="button"
                className="link"
                aria-label={t("vocabulary.removeSynonym", { synonym: s })}
                onClick={() => void removeSynonym({ id: topic.id, synonym: s }).then(reload)}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {caseWork ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!synonym.trim()) return;
            void addSynonym({ id: topic.id, synonym }).then((r) => {
              if (!r.error) setSynonym("");
              return reload();
            });
          }}
        >
          <label>
            {t("vocabulary.newSynonym")} <input value={synonym} onChange={(e) => setSynonym(e.target.value)} />
          </label>{" "}
          <button type="submit">{t("vocabulary.addSynonym")}</button>
        </form>
      ) : null}

      <div className="topic-links">
        {linkList("broader", topic.broader)}
        {linkList("narrower", topic.narrower)}
      </div>

      <h4>{t("vocabulary.usedBy", { cases: topic.casesConnection.totalCount, courses: topic.coursesConnection.totalCount })}</h4>
      <div className="topic-usage">
        <ul aria-label={t("vocabulary.cases")}>
          {topic.cases.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.title}</Link> <span className="muted">{c.status}</span>
            </li>
          ))}
        </ul>
        <ul aria-label={t("vocabulary.courses")}>
          {topic.courses.map((c) => (
            <li key={c.id}>
              {c.programme[0] ? <Link to={`/programmes/${encodeURIComponent(c.programme[0].id)}`}>{c.name}</Link> : c.name}
              {c.programme[0] ? <span className="muted"> ({c.programme[0].name})</span> : null}
            </li>
          ))}
        </ul>
      </div>

      {caseWork ? (
        <div className="topic-merge">
          <h4>{t("vocabulary.mergeTitle")}</h4>
          <p className="muted">{t("vocabulary.mergeHint")}</p>
          {mergeInto ? (
            <p>
              {t("vocabulary.mergeInto", { label: topicLabel(mergeInto, i18n.language), id: mergeInto.id })}{" "}
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void merge({ from: topic.id, into: mergeInto.id }).then((r) => {
                    if (!r.error) onMerged(mergeInto.id);
                  })
                }
              >
                {t("vocabulary.merge")}
              </button>{" "}
              <button type="button" onClick={() => setMergeInto(null)}>
                {t("common.cancel")}
              </button>
            </p>
          ) : (
            <TopicPicker label={t("vocabulary.into")} exclude={[topic.id]} onPick={setMergeInto} />
          )}
        </div>
      ) : null}
    </article>
  );
}
