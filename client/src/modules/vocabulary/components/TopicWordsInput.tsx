import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useDebouncedValue } from "../../../ui/useDebouncedValue";
import { publicTopicSuggestionsQuery, topicSuggestionsQuery } from "../graphql/topicQueries";

/**
 * How long the word must stand still before the server is asked: a word typed key by key is one request, not one per
 * key (the public form asks without a session, under one address's rate limit; docs/security.md).
 */
const TOPIC_SUGGESTION_DEBOUNCE_MS = 300;

/** The word being typed: what follows the last comma. */
function lastWord(value: string): { before: string; word: string } {
  const at = value.lastIndexOf(",");
  return at < 0 ? { before: "", word: value.trim() } : { before: `${value.slice(0, at + 1)} `, word: value.slice(at + 1).trim() };
}

/**
 * Topic words, comma-separated, with autocomplete from the vocabulary as the user types (issue #15): the topics
 * the server offers for the word being typed appear as choices (a datalist), labelled in the user's language;
 * picking one completes that word. The server is asked once the word stands still for TOPIC_SUGGESTION_DEBOUNCE_MS.
 * Any word may still be typed: the server resolves it, and keeps a word no topic
 * knows as a proposed topic.
 */
export function TopicWordsInput({
  name,
  value,
  onChange,
  publicSearch = false,
  ...field
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Without a session (the public question form): ask publicTopicSuggestions, which offers accepted topics only. */
  publicSearch?: boolean;
  /** What FormField gives its control (id, aria-invalid, aria-describedby): the label and messages belong to the input. */
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}) {
  const { i18n } = useTranslation();
  const listId = useId();
  const { before, word } = lastWord(value);
  // Asked for the word once it stands still; when it changes again, urql tears down the query for the old word (its
  // fetch is aborted), so a stale answer never arrives after a newer one.
  const asked = useDebouncedValue(word, TOPIC_SUGGESTION_DEBOUNCE_MS);
  const [result] = useQuery({
    query: topicSuggestionsQuery,
    variables: { prefix: asked },
    pause: publicSearch || asked.length < 2,
  });
  const [publicResult] = useQuery({
    query: publicTopicSuggestionsQuery,
    variables: { prefix: asked },
    pause: !publicSearch || asked.length < 2,
  });
  const offered = publicSearch ? publicResult.data?.publicTopicSuggestions : result.data?.topicSuggestions;
  const choices = word.length < 2 ? [] : (offered ?? []);
  return (
    <>
      <input
        {...field}
        name={name}
        type="text"
        list={listId}
        value={value}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId} data-testid="topic-choices">
        {choices.map((topic) => {
          const label = i18n.language === "en" ? topic.labelEn : topic.labelNl;
          return <option key={topic.id} value={`${before}${label}`} label={label} />;
        })}
      </datalist>
    </>
  );
}
