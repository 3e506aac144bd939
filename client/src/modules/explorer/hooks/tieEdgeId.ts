/** The id of the one edge drawn for a tie between two people, whichever way it was found. */
export function tieEdgeId(a: string, b: string): string {
  return a < b ? `knows:${a}:${b}` : `knows:${b}:${a}`;
}
