import type * as Vm from "node:vm";

/**
 * How long one value may take to check against a template's pattern. Patterns are typed by
 * template editors, and some ("(a+)+") backtrack for hours on a few dozen characters; an
 * ordinary pattern checks a 500-character value in well under a millisecond.
 */
export const patternMatchLimitMs = 100;

// The limit is wall time, which a busy machine can spend elsewhere while a quick check
// waits for the processor: such a check is tried again, a few times at most.
const maxAttempts = 5;

export type PatternMatch = "match" | "no-match" | "too-slow";

type NodeProcess = {
  getBuiltinModule?: (id: string) => unknown;
  cpuUsage?: (previous?: { user: number; system: number }) => { user: number; system: number };
};

type Tester = (regex: RegExp, value: string) => boolean;

// Loaded without an import, so this module still runs in the browser, where the Setup
// Attributes form checks values too (a stalled tab there hurts only whoever typed).
const nodeProcess = (globalThis as { process?: NodeProcess }).process;

let tester: Tester | undefined;

/** On the server, the test runs in a script V8 interrupts after the limit. */
function boundedTester(): Tester {
  if (tester) return tester;
  const vm = nodeProcess?.getBuiltinModule?.("node:vm") as typeof Vm | undefined;
  if (!vm) {
    tester = (regex, value) => regex.test(value);
    return tester;
  }
  const context = vm.createContext({ regex: /(?:)/, value: "" });
  const script = new vm.Script("regex.test(value)");
  tester = (regex, value) => {
    context.regex = regex;
    context.value = value;
    return script.runInContext(context, { timeout: patternMatchLimitMs }) === true;
  };
  return tester;
}

function timedOut(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
}

/** Processor time the process has spent since `start`, in milliseconds (Infinity unknown). */
function cpuMsSince(start: { user: number; system: number } | undefined): number {
  const used = start ? nodeProcess?.cpuUsage?.(start) : undefined;
  return used ? (used.user + used.system) / 1000 : Number.POSITIVE_INFINITY;
}

/** Whether `regex` matches `value`, or "too-slow" when it could not tell within the limit. */
export function matchPattern(regex: RegExp, value: string): PatternMatch {
  const test = boundedTester();
  for (let attempt = 1; ; attempt++) {
    const start = nodeProcess?.cpuUsage?.();
    try {
      return test(regex, value) ? "match" : "no-match";
    } catch (error) {
      if (!timedOut(error)) throw error;
      // Only a check that spent its time computing is too slow.
      if (attempt >= maxAttempts || cpuMsSince(start) >= patternMatchLimitMs / 2) {
        return "too-slow";
      }
    }
  }
}
