import { useQuery } from "urql";
import { myRolesQuery } from "../graphql/personPageQuery";

/**
 * Which of the protected field families and write families the signed-in roles have, as
 * server/platform/auth/access-policy.ts grants them: a page asks only for what the role may read
 * and shows a write button only to a role that may use it. The server still decides.
 */
export function useMayRead(): { contactDetails: boolean; graphWrite: boolean; networkWork: boolean; known: boolean } {
  const [me] = useQuery({ query: myRolesQuery });
  const roles = me.data?.me.roles ?? [];
  const writer = roles.includes("ADMIN") || roles.includes("COORDINATOR");
  return { contactDetails: writer, graphWrite: writer, networkWork: writer, known: Boolean(me.data) };
}
