import { graphql } from "../../../generated";

/**
 * People and organisations whose name contains the search text. The API's `contains` is
 * case-sensitive, so the caller passes three spellings (as typed, lower case, Capitalised) — see
 * nameVariants.
 */
export const explorerSearchQuery = graphql(`
  query ExplorerSearch($a: String!, $b: String!, $c: String!) {
    people(
      where: { OR: [{ name: { contains: $a } }, { name: { contains: $b } }, { name: { contains: $c } }] }
      limit: 12
      sort: [{ name: ASC }]
    ) {
      id
      name
      jobTitle
    }
    institutions(
      where: {
        OR: [
          { name: { contains: $a } }
          { name: { contains: $b } }
          { name: { contains: $c } }
          { shortName: { contains: $a } }
          { shortName: { contains: $b } }
          { shortName: { contains: $c } }
        ]
      }
      limit: 6
      sort: [{ name: ASC }]
    ) {
      id
      name
      kind
    }
    programmes(
      where: { OR: [{ name: { contains: $a } }, { name: { contains: $b } }, { name: { contains: $c } }] }
      limit: 8
      sort: [{ name: ASC }]
    ) {
      id
      name
      institution {
        shortName
        name
      }
    }
    courses(
      where: { OR: [{ name: { contains: $a } }, { name: { contains: $b } }, { name: { contains: $c } }] }
      limit: 8
      sort: [{ name: ASC }]
    ) {
      id
      name
      programme {
        name
      }
    }
  }
`);
