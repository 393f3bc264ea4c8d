/**
 * Whether the interview uses numbered, append-only prompts: `--accessible` / `--no-accessible` first,
 * then NECK_TRIAGE_ACCESSIBLE, then ACCESSIBLE (as GitHub CLI and charmbracelet/huh read it), and
 * always on a terminal that cannot move its cursor (TERM=dumb). "0", "false" or "no" turn it off.
 */
export function accessibleMode(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  if (flag !== undefined) return flag;
  for (const name of ["NECK_TRIAGE_ACCESSIBLE", "ACCESSIBLE"]) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== "") return !/^(0|false|no|off)$/i.test(value);
  }
  return env.TERM === "dumb";
}
