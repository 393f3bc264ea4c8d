// The benchmark's yardstick (not a test, not part of the package): the default ruleset written out
// by hand as one validate-and-evaluate if-chain, from docs/clinical-basis.md sections 2 and 3. It
// returns what triage() returns, field for field, so that comparing their speed is fair; bench.mjs
// checks that on its whole pool before timing. Only the wording (summaries, sources, advice, call-if
// lines) is read from rules/default.json, once: the logic below does not look at the ruleset's
// conditions or policy.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import canonicalize from "canonicalize";

const doc = JSON.parse(readFileSync(new URL("../../rules/default.json", import.meta.url), "utf8"));

const fill = (template, values) => template.replace(/\{([A-Za-z]+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));

const advice = doc.advice;
const EMERGENCY_NUMBER = advice.emergencyNumber;
const EMERGENCY_ADVICE = fill(advice.urgency.emergency.advice, { emergencyNumber: EMERGENCY_NUMBER });
const URGENT_ADVICE = fill(advice.urgency.urgent.advice, { emergencyNumber: EMERGENCY_NUMBER });
const SOON_ADVICE = fill(advice.urgency.soon.advice, { emergencyNumber: EMERGENCY_NUMBER });
const [DROPPED_HEAD, DROPPED_TAIL] = fill(advice.droppedEmergency, { emergencyNumber: EMERGENCY_NUMBER }).split("{list}");
const WATCH_FOR = advice.selfCare.watchFor.map((line) => fill(line, { emergencyNumber: EMERGENCY_NUMBER }));
const DISCLAIMER = doc.disclaimer;
const RULESET_ID = doc.id;
const RULESET_VERSION = doc.version;
const { $schema: _editorHint, ...content } = doc;
const RULESET_DIGEST = `sha256:${createHash("sha256").update(canonicalize(content), "utf8").digest("hex")}`;
const CHECK_DAY = 7;
// Self-care advice by days since the pain started: index 0-6 counts down to day 7, index 7 is "7 or more".
const SELF_CARE = [];
for (let days = 0; days <= CHECK_DAY; days++) {
  const sc = advice.selfCare;
  const left = CHECK_DAY - days;
  const checkBack = days >= CHECK_DAY ? sc.checkBackAfter : fill(left === 1 ? sc.checkBackBefore.one : sc.checkBackBefore.other, { day: CHECK_DAY, daysLeft: left });
  SELF_CARE.push(fill(sc.advice, { emergencyNumber: EMERGENCY_NUMBER, checkBack }));
}

const ruleText = new Map(doc.rules.map((rule) => [rule.id, rule]));
function text(id) {
  const rule = ruleText.get(id);
  return { summary: rule.summary, callIf: rule.callIf, note: rule.emergencyNote, sources: rule.sources.map((key) => ({ title: doc.sources[key].title, url: doc.sources[key].url })) };
}
const T = {
  emergencySigns: text("emergency-signs"),
  meningitis: text("meningitis-signs"),
  infectionNeuro: text("infection-with-neuro"),
  spinalCord: text("spinal-cord-injury"),
  injuryHighRisk: text("injury-high-risk"),
  riskFever: text("risk-with-fever"),
  injury: text("injury"),
  fever: text("fever"),
  feverHeadache: text("fever-with-headache"),
  weakness: text("weakness-or-coordination"),
  headacheOver50: text("headache-over-50"),
  riskHistory: text("risk-history"),
  young: text("young"),
  notImproving: text("not-improving"),
  medicine: text("medicine-not-helping"),
  headache: text("headache"),
  tingling: text("arm-tingling-numbness"),
  shooting: text("shooting-arm-pain"),
  stiffNeck: text("stiff-neck"),
};
// Every injury rule carries the same note ("keep your head and neck still").
const INJURY_NOTE = T.injury.note;

const isYesNoUnsure = (v) => v === "yes" || v === "no" || v === "unsure";
const isIntIn = (v, min, max) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

function invalid(message) {
  const error = new Error(`invalid answers: ${message}`);
  error.name = "AnswersError";
  return error;
}

// 1 for the warning answer, 0.5 for "unsure", 0 otherwise (section 3.1).
const yes = (v) => (v === "yes" ? 1 : v === "unsure" ? 0.5 : 0);
const no = (v) => (v === "no" ? 1 : v === "unsure" ? 0.5 : 0);

function reason(ruleId, t, urgency, certainty, answers) {
  return { ruleId, summary: t.summary, urgency, certainty, answers, sources: t.sources.slice() };
}

/**
 * Same contract as triage(answers) with default options: throws on invalid answers (every field of
 * the default ruleset present with an allowed value, integers in range, nothing else but an optional
 * id), else returns the result.
 */
export function handTriage(a) {
  if (typeof a !== "object" || a === null) throw invalid("expected a JSON object");
  const proto = Object.getPrototypeOf(a);
  if (proto !== Object.prototype && proto !== null) throw invalid("expected a plain JSON object");
  const emergencySigns = a.emergencySigns;
  const age = a.age;
  const injury = a.injury;
  const riskHistory = a.riskHistory;
  const limbWeakness = a.limbWeakness;
  const coordinationLoss = a.coordinationLoss;
  const fever = a.fever;
  const headache = a.headache;
  const canTouchChinToChest = a.canTouchChinToChest;
  const armTinglingOrNumbness = a.armTinglingOrNumbness;
  const shootingArmPain = a.shootingArmPain;
  const painDays = a.painDays;
  const improving = a.improving;
  const otcResponse = a.otcResponse;
  if (
    !isYesNoUnsure(emergencySigns) ||
    !isIntIn(age, 0, 120) ||
    !isYesNoUnsure(injury) ||
    !isYesNoUnsure(riskHistory) ||
    !isYesNoUnsure(limbWeakness) ||
    !isYesNoUnsure(coordinationLoss) ||
    !isYesNoUnsure(fever) ||
    !isYesNoUnsure(headache) ||
    !isYesNoUnsure(canTouchChinToChest) ||
    !isYesNoUnsure(armTinglingOrNumbness) ||
    !isYesNoUnsure(shootingArmPain) ||
    !isIntIn(painDays, 0, 36500) ||
    !isYesNoUnsure(improving) ||
    !(otcResponse === "helped" || otcResponse === "did-not-help" || otcResponse === "not-tried" || otcResponse === "unsure")
  ) {
    throw invalid("a field is missing or has a value that is not allowed");
  }
  const hasId = Object.hasOwn(a, "id");
  const id = a.id;
  if (hasId && id !== undefined) {
    const ok = (typeof id === "string" && id.length <= 200) || Number.isSafeInteger(id);
    if (!ok) throw invalid("id: expected a string of at most 200 characters or an integer within ±9007199254740991");
  }
  if (Object.keys(a).length !== (hasId ? 15 : 14)) throw invalid("unknown field");

  const E = yes(emergencySigns);
  const inj = yes(injury);
  const risk = yes(riskHistory);
  const weak = yes(limbWeakness);
  const coord = yes(coordinationLoss);
  const fev = yes(fever);
  const head = yes(headache);
  const chin = no(canTouchChinToChest);
  const ting = yes(armTinglingOrNumbness);
  const shoot = yes(shootingArmPain);
  const impr = painDays >= 7 ? no(improving) : 0;
  const otc = otcResponse === "did-not-help" ? 1 : otcResponse === "unsure" ? 0.5 : 0;
  const old = age >= 65 ? 1 : 0;

  // Reasons by urgency; within each, rules are visited in ruleset order.
  const em = [];
  const ur = [];
  const so = [];
  let dropped = ""; // call-if lines of emergency rules dropped to urgent (section 3.6)
  let note = false;

  // A two-part emergency rule: confirmed; or possible and anchored (exactly one part unsure, the other
  // confirmed, neither about who the person is); or possible and one level down (section 3.2-3.4).
  const emergencyPair = (ruleId, t, first, second, anchorable, answers) => {
    const value = first < second ? first : second;
    if (value === 0) return;
    if (value === 1) em.push(reason(ruleId, t, "emergency", "confirmed", answers));
    else if (anchorable && first + second === 1.5) em.push(reason(ruleId, t, "emergency", "possible", answers));
    else {
      ur.push(reason(ruleId, t, "urgent", "possible", answers));
      dropped += `\n- ${t.callIf}`;
    }
    if (t.note !== undefined) note = true;
  };

  if (E === 1) em.push(reason("emergency-signs", T.emergencySigns, "emergency", "confirmed", { emergencySigns }));
  else if (E === 0.5) {
    ur.push(reason("emergency-signs", T.emergencySigns, "urgent", "possible", { emergencySigns }));
    dropped += `\n- ${T.emergencySigns.callIf}`;
  }
  if (fev > 0) {
    emergencyPair("meningitis-signs", T.meningitis, fev, chin, true, { fever, canTouchChinToChest });
    emergencyPair("infection-with-neuro", T.infectionNeuro, fev, weak > coord ? weak : coord, true, { limbWeakness, coordinationLoss, fever });
  }
  if (inj > 0) {
    const neuro = weak > ting ? (weak > coord ? weak : coord) : ting > coord ? ting : coord;
    emergencyPair("spinal-cord-injury", T.spinalCord, inj, neuro, true, { injury, limbWeakness, coordinationLoss, armTinglingOrNumbness });
    // Age and risk history are background: they never anchor.
    emergencyPair("injury-high-risk", T.injuryHighRisk, inj, old > risk ? old : risk, false, { age, injury, riskHistory });
  }
  if (risk > 0 && fev > 0) emergencyPair("risk-with-fever", T.riskFever, risk, fev, false, { riskHistory, fever });

  if (inj === 1) ur.push(reason("injury", T.injury, "urgent", "confirmed", { injury }));
  else if (inj === 0.5) so.push(reason("injury", T.injury, "soon", "possible", { injury }));
  if (inj > 0) note = true;
  if (fev === 1) ur.push(reason("fever", T.fever, "urgent", "confirmed", { fever }));
  else if (fev === 0.5) so.push(reason("fever", T.fever, "soon", "possible", { fever }));
  const feverHeadache = fev < head ? fev : head;
  if (feverHeadache === 1) ur.push(reason("fever-with-headache", T.feverHeadache, "urgent", "confirmed", { fever, headache }));
  else if (feverHeadache === 0.5) so.push(reason("fever-with-headache", T.feverHeadache, "soon", "possible", { fever, headache }));
  const weakness = weak > coord ? weak : coord;
  if (weakness === 1) ur.push(reason("weakness-or-coordination", T.weakness, "urgent", "confirmed", { limbWeakness, coordinationLoss }));
  else if (weakness === 0.5) so.push(reason("weakness-or-coordination", T.weakness, "soon", "possible", { limbWeakness, coordinationLoss }));
  if (age >= 50) {
    if (head === 1) ur.push(reason("headache-over-50", T.headacheOver50, "urgent", "confirmed", { age, headache }));
    else if (head === 0.5) so.push(reason("headache-over-50", T.headacheOver50, "soon", "possible", { age, headache }));
  }

  // Soon rules stay soon whether confirmed or possible.
  if (risk > 0) so.push(reason("risk-history", T.riskHistory, "soon", risk === 1 ? "confirmed" : "possible", { riskHistory }));
  if (age < 16) so.push(reason("young", T.young, "soon", "confirmed", { age }));
  if (impr > 0) so.push(reason("not-improving", T.notImproving, "soon", impr === 1 ? "confirmed" : "possible", { painDays, improving }));
  if (otc > 0) so.push(reason("medicine-not-helping", T.medicine, "soon", otc === 1 ? "confirmed" : "possible", { otcResponse }));
  if (head > 0) so.push(reason("headache", T.headache, "soon", head === 1 ? "confirmed" : "possible", { headache }));
  if (ting > 0) so.push(reason("arm-tingling-numbness", T.tingling, "soon", ting === 1 ? "confirmed" : "possible", { armTinglingOrNumbness }));
  if (shoot > 0) so.push(reason("shooting-arm-pain", T.shooting, "soon", shoot === 1 ? "confirmed" : "possible", { shootingArmPain }));
  if (chin > 0) so.push(reason("stiff-neck", T.stiffNeck, "soon", chin === 1 ? "confirmed" : "possible", { canTouchChinToChest }));

  let urgency;
  let text;
  let reasons;
  if (em.length > 0) {
    urgency = "emergency";
    text = note ? `${EMERGENCY_ADVICE} ${INJURY_NOTE}` : EMERGENCY_ADVICE;
    reasons = em;
    for (let i = 0; i < ur.length; i++) reasons.push(ur[i]);
    for (let i = 0; i < so.length; i++) reasons.push(so[i]);
  } else if (ur.length > 0) {
    urgency = "urgent";
    text = dropped === "" ? URGENT_ADVICE : DROPPED_HEAD + dropped.slice(1) + DROPPED_TAIL;
    reasons = ur;
    for (let i = 0; i < so.length; i++) reasons.push(so[i]);
  } else if (so.length > 0) {
    urgency = "soon";
    text = SOON_ADVICE;
    reasons = so;
  } else {
    urgency = "none";
    text = SELF_CARE[painDays < CHECK_DAY ? painDays : CHECK_DAY];
    reasons = so;
  }
  const watchFor = WATCH_FOR.slice();
  const verdict = urgency === "none" ? "self-care-likely-fine" : "see-a-professional";
  const ruleset = { id: RULESET_ID, version: RULESET_VERSION, digest: RULESET_DIGEST };
  return id === undefined
    ? { verdict, urgency, reasons, advice: text, watchFor, disclaimer: DISCLAIMER, ruleset }
    : { id, verdict, urgency, reasons, advice: text, watchFor, disclaimer: DISCLAIMER, ruleset };
}
