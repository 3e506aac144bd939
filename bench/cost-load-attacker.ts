import { post } from "./post-operation.js";

/**
 * The one user of bench/cost-load.ts who attacks, in a process of its own: a flood of 1,500-alias documents from four
 * connections keeps an event loop busy building and reading requests, and in the measuring process that delay
 * showed up as the other users' latency — the bench's, not the service's (a real attacker is on another machine).
 * Started by cost-load.ts with `node --import tsx`; per attack window it gets an `attack` message, sends from
 * `connections` connections until `seconds` have passed, and answers `done` with what it got back.
 */
export interface AttackOrder {
  type: "attack";
  url: string;
  query: string;
  token?: string;
  connections: number;
  seconds: number;
}

export interface AttackDone {
  type: "done";
  outcomes: Record<string, number>;
  messages: Record<string, string>;
  attackerMs: number[];
}

async function attack(order: AttackOrder): Promise<AttackDone> {
  const deadline = Date.now() + order.seconds * 1000;
  const outcomes: Record<string, number> = {};
  const messages: Record<string, string> = {};
  const attackerMs: number[] = [];
  const connection = async () => {
    while (Date.now() < deadline) {
      const answer = await post(order.url, order.query, order.token);
      outcomes[answer.code] = (outcomes[answer.code] ?? 0) + 1;
      if (answer.code !== "OK" && !(answer.code in messages)) messages[answer.code] = String(answer.message).slice(0, 160);
      attackerMs.push(answer.ms);
    }
  };
  await Promise.all(Array.from({ length: order.connections }, connection));
  return { type: "done", outcomes, messages, attackerMs };
}

process.on("message", (message: AttackOrder | { type: "stop" }) => {
  if (message.type === "stop") process.exit(0);
  if (message.type === "attack") void attack(message).then((done) => process.send?.(done));
});
process.on("disconnect", () => process.exit(0));
