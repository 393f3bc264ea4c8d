import { checkEmergencyNumber, emergencyNumberProblem } from "../engine/options.js";
import type { EvaluateOptions } from "../engine/result.js";
import { UsageError, type CliIo } from "./io.js";

/** The evaluate options for `--emergency-number` (or, without it, env NECK_TRIAGE_EMERGENCY_NUMBER), checked: a bad number is exit 2. */
export function emergencyNumberChosen(given: string | undefined, io: CliIo): EvaluateOptions {
  const fromEnv = io.env.NECK_TRIAGE_EMERGENCY_NUMBER;
  const number = given ?? (fromEnv === "" ? undefined : fromEnv);
  if (number === undefined) return {};
  const where = given !== undefined ? "--emergency-number" : "NECK_TRIAGE_EMERGENCY_NUMBER";
  const problem = emergencyNumberProblem(number);
  if (problem !== undefined) throw new UsageError(`${where}: ${problem}`);
  return { emergencyNumber: checkEmergencyNumber(number) };
}
