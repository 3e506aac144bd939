import { useQuery } from "urql";
import { meQuery } from "../graphql/authOperations";

/**
 * The Person the signed-in account is ("me"), for the forms that ask who acts or handles: they preselect it.
 * Null while loading and for an account that an admin has not linked to a person (the server then asks for one).
 */
export function useMyPerson(): { id: string; name: string } | null {
  const [me] = useQuery({ query: meQuery });
  return me.data?.me.person ?? null;
}
