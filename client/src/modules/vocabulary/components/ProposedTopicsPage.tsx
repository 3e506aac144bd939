import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { useAccess } from "../../../app/access";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { PageHeader } from "../../../ui/PageHeader";
import { acceptTopicMutation, mergeTopicMutation, proposedTopicsQuery } from "../graphql/topicQueries";

/**
 * The proposed topics (words no topic of the vocabulary knew, from intakes, edits and imports) for a coordinator:
 * accept one with its Dutch and English label, or merge it into an existing topic (its word becomes a synonym).
 */
export function ProposedTopicsPage() {
  const { t } = useTranslation();
  // Accepting and merging are CASE_WORK (VocabularyResolver): analysts and viewers see the list without them.
  const { caseWork } = useAccess();
  const [list, refetch] = useQuery({ query: proposedTopicsQuery, requestPolicy: "cache-and-network" });
  const [accepted, accept] = useMutation(acceptTopicMutation);
  const [merged, merge] = useMutation(mergeTopicMutation);
  const [labels, setLabels] = useState<Record<string, { nl: string; en: string; into: string }>>({});
  const done = () => refetch({ requestPolicy: "network-only" });
  const topics = list.data?.vocabularyTopics ?? [];
  return (
    <section>
      <PageHeader title={t("vocabulary.title")} />
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {accepted.error ? <ErrorMessage error={accepted.error} /> : null}
      {merged.error ? <ErrorMessage error={merged.error} /> : null}
      {topics.length === 0 ? <p className="muted">{t("vocabulary.none")}</p> : null}
      <table className="panel">
        <thead>
          <tr>
            <th>{t("vocabulary.word")}</th>
            <th>{t("vocabulary.used")}</th>
            {caseWork ? <th>{t("vocabulary.accept")}</th> : null}
            {caseWork ? <th>{t("vocabulary.merge")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => {
            const l = labels[topic.id] ?? { nl: topic.labelNl, en: topic.labelEn, into: "" };
            const edit = (patch: Partial<typeof l>) => setLabels((all) => ({ ...all, [topic.id]: { ...l, ...patch } }));
            return (
              <tr key={topic.id}>
                <td>{topic.proposedFrom ?? topic.labelNl}</td>
                <td>{t("vocabulary.usedCount", { cases: topic.caseCount, courses: topic.courseCount })}</td>
                {caseWork ? (
                  <td>
                    <input aria-label={t("vocabulary.labelNl")} value={l.nl} onChange={(e) => edit({ nl: e.target.value })} />
                    <input aria-label={t("vocabulary.labelEn")} value={l.en} onChange={(e) => edit({ en: e.target.value })} />
                    <button type="button" onClick={() => void accept({ id: topic.id, labelNl: l.nl, labelEn: l.en }).then(done)}>
                      {t("vocabulary.accept")}
                    </button>
                  </td>
                ) : null}
                {caseWork ? (
                  <td>
                    <input aria-label={t("vocabulary.into")} value={l.into} onChange={(e) => edit({ into: e.target.value })} />
                    <button
                      type="button"
                      disabled={!l.into}
                      onClick={() => void merge({ from: topic.id, into: l.into }).then(done)}
                    >
                      {t("vocabulary.merge")}
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
