import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * `npx tsx bench/summarise-cpu-profile.ts <file.cpuprofile> [--top 40]`: where the API thread's time went in a profile
 * written by `npm run bench -- --api-cpu-profile <file>` (#19 part 3). Prints, as shares of all samples:
 * - self time per package (node_modules/<package>, the project's own folders, node's internals, idle and GC);
 * - inclusive time per function (a sample counts once for each distinct function on its stack), the top ones —
 *   which layer of a request (token check, body parsing, Apollo, the limits, the guard, execution, translation) costs what.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The package or project folder a script belongs to. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node:internal";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1] ?? ""}` : (rest[0] ?? url);
  }
  const dist = /\/dist\/(server\/[^/]+\/[^/]+|bench)\//.exec(url);
  return dist?.[1] ? `project:${dist[1]}` : `other:${path.basename(url)}`;
}

function summarise(file: string, top: number): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    total += delta;
    const place = placeOf(node.callFrame.url, node.callFrame.functionName);
    self.set(place, (self.get(place) ?? 0) + delta);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame || !frame.url) continue;
      const key = `${frame.functionName || "(anonymous)"} ${placeOf(frame.url, frame.functionName)}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    }
  }
  const share = (us: number): string =>
    `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms`;
  const lines = [`${file}: ${(total / 1e6).toFixed(1)} s sampled`, "", "Self time per package:"];
  for (const [place, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`  ${share(us)}  ${place}`);
  lines.push("", `Inclusive time, top ${top} functions:`);
  for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${share(us)}  ${key}`);
  return lines.join("\n");
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]).endsWith("summarise-cpu-profile.ts");
if (invokedDirectly) {
  const [file] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const topAt = process.argv.indexOf("--top");
  const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 60;
  if (!file) {
    process.stderr.write("usage: npx tsx bench/summarise-cpu-profile.ts <file.cpuprofile> [--top 60]\n");
    process.exit(2);
  }
  process.stdout.write(`${summarise(file, top)}\n`);
}
