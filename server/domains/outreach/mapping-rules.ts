import { InteractionResult, MappingStatus } from "../../platform/model/graph-enums.js";

const mappingOrder = Object.values(MappingStatus);

/**
 * The mapping rules of the broker's bottom-up method, documented in docs/outreach.md.
 *
 * Statuses are ordered NOT_APPROACHED < APPROACHED < RESPONDED < EXAMPLES_RECEIVED < AGREEMENT.
 * Any forward move is allowed, also skipping steps (a later step implies the earlier ones happened:
 * examples arrive only from someone who was approached and answered). Going back needs `force`.
 */
export function mappingRank(status: MappingStatus): number {
  return mappingOrder.indexOf(status);
}

export type MappingMove = "FORWARD" | "SAME" | "BACKWARD";

export function classifyMappingMove(from: MappingStatus, to: MappingStatus): MappingMove {
  const diff = mappingRank(to) - mappingRank(from);
  return diff > 0 ? "FORWARD" : diff === 0 ? "SAME" : "BACKWARD";
}

/** The higher of two statuses: automatic advances never lower a status. */
export function higherMappingStatus(a: MappingStatus, b: MappingStatus): MappingStatus {
  return mappingRank(a) >= mappingRank(b) ? a : b;
}

/**
 * The status an interaction's result implies for the programme or course it is about:
 * any contact (no result yet, or NO_REPLY) → APPROACHED; an answer of any kind (REPLIED,
 * INTERESTED, NOT_NOW, DECLINED) → RESPONDED; AGREED → AGREEMENT.
 */
export function mappingStatusForResult(result: InteractionResult | null | undefined): MappingStatus {
  switch (result) {
    case undefined:
    case null:
    case InteractionResult.NO_REPLY:
      return MappingStatus.APPROACHED;
    case InteractionResult.REPLIED:
    case InteractionResult.INTERESTED:
    case InteractionResult.NOT_NOW:
    case InteractionResult.DECLINED:
      return MappingStatus.RESPONDED;
    case InteractionResult.AGREED:
      return MappingStatus.AGREEMENT;
  }
}
