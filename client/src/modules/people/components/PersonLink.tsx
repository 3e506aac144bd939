import { Link } from "react-router";

/** A person's name as a link to their page (/people/:id); plain text when the id is unknown. */
export function PersonLink({ id, name }: { id: string | null | undefined; name: string | null | undefined }) {
  if (!name) return null;
  return id ? (
    <Link to={`/people/${encodeURIComponent(id)}`} className="entity-link">
      {name}
    </Link>
  ) : (
    <>{name}</>
  );
}
