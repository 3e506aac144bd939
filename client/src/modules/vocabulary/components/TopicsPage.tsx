import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { useAccess } from "../../../app/access";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { PageHeader } from "../../../ui/PageHeader";
import { acceptTopicMutation, createTopicMutation, proposedTopicsQuery, rejectTopicMutation } from "../graphql/topicQueries";
import { TopicDetail } from "./TopicDetail";
import { topicLabel, TopicPicker, type PickedTopic } from "./TopicPicker";

/**
 * The vocabulary for coordinators (issue #15, docs/matching.md "Coordinators' changes"): the proposed topics (words
 * no topic knew, from intakes, edits and imports) to accept with a Dutch and English label or reject; any topic found
 * by typing, to edit its synonyms, broader and narrower topics, merge it into another, and see its cases and courses;
 * and a form for a new topic. Analysts and viewers read it all without the controls (the API refuses their changes).
 */
export function TopicsPage() {
  const { t } = useTranslation();
  const { caseWork } = useAccess();
  const [selected, setSelected] = useState<string | null>(null);
  const [list, refetch] = useQuery({ query: proposedTopicsQuery, requestPolicy: "cache-and-network" });
  const done = () => refetch({ requestPolicy: "network-only" });
  return (
    <section>
      <PageHeader title={t("vocabulary.title")} />
      {list.error ? <ErrorMessage error={list.error} /> : null}

      <h2>{t("vocabulary.findTitle")}</h2>
      <TopicPicker label={t("vocabulary.find")} onPick={(topic) => setSelected(topic.id)} />
      {selected ? (
        <TopicDetail
          key={selected}
          id={selected}
          onMerged={(into) => {
            setSelected(into);
            void done();
          }}
        />
      ) : null}

      <h2>{t("vocabulary.proposedTitle")}</h2>
      <ProposedTopics
        topics={list.data?.vocabularyTopics ?? []}
        canWork={caseWork}
        onChanged={done}
        onOpen={(id) => setSelected(id)}
      />

      {caseWork ? <NewTopicForm onCreated={(id) => setSelected(id)} /> : null}
    </section>
  );
}

interface Proposed {
  id: string;
  labelNl: string;
  labelEn: string;
  proposedFrom?: string | null;
  caseCount: number;
  courseCount: number;
}

function ProposedTopics({
  topics,
  canWork,
  onChanged,
  onOpen,
}: {
  topics: readonly Proposed[];
  canWork: boolean;
  onChanged: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [accepted, accept] = useMutation(acceptTopicMutation);
  const [rejected, reject] = useMutation(rejectTopicMutation);
  const [labels, setLabels] = useState<Record<string, { nl: string; en: string }>>({});
  if (topics.length === 0) return <p className="muted">{t("vocabulary.none")}</p>;
  return (
    <>
      {accepted.error ? <ErrorMessage error={accepted.error} /> : null}
      {rejected.error ? <ErrorMessage error={rejected.error} /> : null}
      <div className="table-scroll">
        <table className="panel" data-testid="proposed-topics">
          <thead>
            <tr>
              <th>{t("vocabulary.word")}</th>
              <th>{t("vocabulary.used")}</th>
              {canWork ? <th>{t("vocabulary.accept")}</th> : null}
              {canWork ? <th>{t("vocabulary.reject")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => {
              const l = labels[topic.id] ?? { nl: topic.labelNl, en: topic.labelEn };
              const edit = (patch: Partial<typeof l>) => setLabels((all) => ({ ...all, [topic.id]: { ...l, ...patch } }));
              return (
                <tr key={topic.id}>
                  <td>
                    <button type="button" className="link" onClick={() => onOpen(topic.id)}>
                      {topic.proposedFrom ?? topic.labelNl}
                    </button>
                  </td>
                  <td>{t("vocabulary.usedCount", { cases: topic.caseCount, courses: topic.courseCount })}</td>
                  {canWork ? (
                    <td>
                      <input aria-label={t("vocabulary.labelNl")} value={l.nl} onChange={(e) => edit({ nl: e.target.value })} />
                      <input aria-label={t("vocabulary.labelEn")} value={l.en} onChange={(e) => edit({ en: e.target.value })} />
                      <button
                        type="button"
                        onClick={() => void accept({ id: topic.id, labelNl: l.nl, labelEn: l.en }).then(onChanged)}
                      >
                        {t("vocabulary.accept")}
                      </button>
                    </td>
                  ) : null}
                  {canWork ? (
                    <td>
                      <button type="button" onClick={() => void reject({ id: topic.id }).then(onChanged)}>
                        {t("vocabulary.reject")}
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t("vocabulary.proposedHint")}</p>
    </>
  );
}

function NewTopicForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [created, create] = useMutation(createTopicMutation);
  const [nl, setNl] = useState("");
  const [en, setEn] = useState("");
  const [synonyms, setSynonyms] = useState("");
  const [broader, setBroader] = useState<PickedTopic[]>([]);
  return (
    <form
      className="panel stacked-fields"
      data-testid="new-topic"
      onSubmit={(e) => {
        e.preventDefault();
        const words = synonyms
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "");
        void create({ labelNl: nl, labelEn: en, synonyms: words, broader: broader.map((b) => b.id) }).then((r) => {
          if (r.data?.createTopic) {
            onCreated(r.data.createTopic);
            setNl("");
            setEn("");
            setSynonyms("");
            setBroader([]);
          }
        });
      }}
    >
      <h2>{t("vocabulary.newTitle")}</h2>
      {created.error ? <ErrorMessage error={created.error} /> : null}
      <label>
        {t("vocabulary.labelNl")} <input required value={nl} onChange={(e) => setNl(e.target.value)} />
      </label>
      <label>
        {t("vocabulary.labelEn")} <input required value={en} onChange={(e) => setEn(e.target.value)} />
      </label>
      <label>
        {t("vocabulary.synonymsComma")} <input value={synonyms} onChange={(e) => setSynonyms(e.target.value)} />
      </label>
      <ul className="chips">
        {broader.map((b) => (
          <li key={b.id}>
            {topicLabel(b, i18n.language)}
            <button
              type="button"
              className="link"
              aria-label={t("vocabulary.removeLink", { label: topicLabel(b, i18n.language) })}
              onClick={() => setBroader((all) => all.filter((x) => x.id !== b.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <TopicPicker
        label={t("vocabulary.addBroader")}
        exclude={broader.map((b) => b.id)}
        onPick={(picked) => setBroader((all) => [...all, picked])}
      />
      <button type="submit" className="primary">
        {t("vocabulary.create")}
      </button>
    </form>
  );
}
