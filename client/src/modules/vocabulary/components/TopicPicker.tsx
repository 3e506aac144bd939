import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { topicSuggestionsQuery } from "../graphql/topicQueries";

export interface PickedTopic {
  id: string;
  labelNl: string;
  labelEn: string;
}

/** A topic's label in the reader's language. */
export function topicLabel(topic: { labelNl: string; labelEn: string }, language: string): string {
  return language === "en" ? topic.labelEn : topic.labelNl;
}

/**
 * Picks a topic of the vocabulary by typing (the autocomplete, topicSuggestions): the choices are buttons under the
 * field, labelled in the reader's language with the other language and the id beside, so two topics with the same
 * label are told apart. `exclude` hides topics that make no sense here (the topic itself, the ones already linked).
 */
export function TopicPicker({
  label,
  onPick,
  exclude = [],
}: {
  label: string;
  onPick: (topic: PickedTopic) => void;
  exclude?: readonly string[];
}) {
  const { i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const typed = text.trim();
  const [result] = useQuery({ query: topicSuggestionsQuery, variables: { prefix: typed }, pause: typed.length < 2 });
  const choices = typed.length < 2 ? [] : (result.data?.topicSuggestions ?? []).filter((t) => !exclude.includes(t.id));
  const other = i18n.language === "en" ? "nl" : "en";
  return (
    <div className="topic-picker">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
      {choices.length > 0 ? (
        <ul className="topic-choices" aria-label={label}>
          {choices.map((topic) => (
            <li key={topic.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  onPick(topic);
                  setText("");
                }}
              >
                {topicLabel(topic, i18n.language)}
              </button>{" "}
              <span className="muted">
                ({topicLabel(topic, other)} · {topic.id}
                {topic.status === "PROPOSED" ? ` · ${topic.status.toLowerCase()}` : ""})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
