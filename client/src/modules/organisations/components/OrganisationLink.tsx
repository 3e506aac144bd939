import { Link } from "react-router";

/** An institution's or programme's name as a link to its page; plain text when the id is unknown. */
export function OrganisationLink({
  kind,
  id,
  name,
}: {
  kind: "INSTITUTION" | "PROGRAMME";
  id: string | null | undefined;
  name: string | null | undefined;
}) {
  if (!name) return null;
  if (!id) return <>{name}</>;
  const base = kind === "INSTITUTION" ? "/institutions" : "/programmes";
  return (
    <Link to={`${base}/${encodeURIComponent(id)}`} className="entity-link">
      {name}
    </Link>
  );
}
