import { Link } from "react-router";
import { personName } from "../../../ui/personName";

/** A person's name as a link to their page (/people/:id); plain text when the id is unknown. An erased person's name in the UI's language. */
export function PersonLink({ id, name: given }: { id: string | null | undefined; name: string | null | undefined }) {
  if (!given) return null;
  const name = personName(given);
  return id ? (
    <Link to={`/people/${encodeURIComponent(id)}`} className="entity-link">
      {name}
    </Link>
  ) : (
    <>{name}</>
  );
}
