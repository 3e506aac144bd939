import { Extensions } from "type-graphql";
import { fieldCosts, type CostedField } from "./field-costs.js";

/**
 * The cost of a custom query or mutation, beside its `@Access`: `@Cost("warmPaths")` names its entry
 * in field-costs.ts (one table, so the costs are reviewed and documented together). Kept in the
 * field's extensions, where the cost estimator (estimate-cost.ts) reads it; a custom root field
 * without one fails tests/integration/limits-cost.int.test.ts.
 */
export function Cost(name: CostedField): MethodDecorator {
  const cost = fieldCosts[name];
  return (target: object, key: string | symbol, descriptor: PropertyDescriptor): void => {
    Extensions({ cost })(target, key as string, descriptor as never);
  };
}
