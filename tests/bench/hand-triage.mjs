// The benchmark's yardstick (not a test, not part of the package): the default ruleset 2.0's decision
// written out by hand as one validate-and-evaluate if-chain, from docs/clinical-basis.md sections 1b,
// 2 and 3. It reads nothing from rules/default.json. It returns the decision part of triage()'s result
// (id, verdict, urgency, and each reason's ruleId, urgency, certainty and answers, in triage()'s order);
// bench.mjs checks that on its whole pool before timing. It builds no wording (summaries, sources,
// advice fitted to the answers, watch-for, disclaimer, ruleset digest): it does less work than triage().

const isYesNoUnsure = (v) => v === "yes" || v === "no" || v === "unsure";
const isIntIn = (v, min, max) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const ALWAYS_ASKED = 14;
const FOLLOW_UPS = ["injuryMechanism", "swallowingSevere", "headacheNew", "headacheFast", "improving"];

function invalid(message) {
  const error = new Error(`invalid answers: ${message}`);
  error.name = "AnswersError";
  return error;
}

// 1 for the warning answer, 0.5 for "unsure", 0 otherwise (section 3.1).
const yes = (v) => (v === "yes" ? 1 : v === "unsure" ? 0.5 : 0);
const no = (v) => (v === "no" ? 1 : v === "unsure" ? 0.5 : 0);
const min = (a, b) => (a < b ? a : b);
const max = (a, b) => (a > b ? a : b);

/**
 * Same contract as triage(answers) with default options for the decision: throws on invalid answers
 * (every always-asked field present with an allowed value, a follow-up present whenever its condition
 * holds, integers in range, nothing else but an optional id), else returns the decision.
 */
export function handTriage(a) {
  if (typeof a !== "object" || a === null) throw invalid("expected a JSON object");
  const proto = Object.getPrototypeOf(a);
  if (proto !== Object.prototype && proto !== null) throw invalid("expected a plain JSON object");
  const { emergencySigns, age, injury, riskHistory, limbWeakness, coordinationLoss, fever, swallowing, headache } = a;
  const { canTouchChinToChest, armTinglingOrNumbness, shootingArmPain, painDays, otcResponse } = a;
  if (
    !isYesNoUnsure(emergencySigns) ||
    !isIntIn(age, 0, 120) ||
    !isYesNoUnsure(injury) ||
    !isYesNoUnsure(riskHistory) ||
    !isYesNoUnsure(limbWeakness) ||
    !isYesNoUnsure(coordinationLoss) ||
    !isYesNoUnsure(fever) ||
    !isYesNoUnsure(swallowing) ||
    !isYesNoUnsure(headache) ||
    !isYesNoUnsure(canTouchChinToChest) ||
    !isYesNoUnsure(armTinglingOrNumbness) ||
    !isYesNoUnsure(shootingArmPain) ||
    !isIntIn(painDays, 0, 36500) ||
    !(
      otcResponse === "helped" ||
      otcResponse === "did-not-help" ||
      otcResponse === "not-tried" ||
      otcResponse === "unsure"
    )
  ) {
    throw invalid("a field is missing or has a value that is not allowed");
  }
  // A follow-up given is validated whether or not its condition holds; it is required when it holds.
  let given = 0;
  for (let i = 0; i < FOLLOW_UPS.length; i++) {
    const value = a[FOLLOW_UPS[i]];
    if (value === undefined) continue;
    if (!isYesNoUnsure(value)) throw invalid(`${FOLLOW_UPS[i]}: a value that is not allowed`);
    given++;
  }
  // Section 1b: a follow-up is asked when its condition is above 0 (its parent "yes" or "unsure").
  const inj = yes(injury);
  const sw = yes(swallowing);
  const head = yes(headache);
  const mechanismAsked = inj > 0;
  const severeAsked = sw > 0;
  const newAsked = head > 0;
  const fastAsked = newAsked && yes(a.headacheNew) > 0;
  const improvingAsked = painDays >= 7;
  if (
    (mechanismAsked && a.injuryMechanism === undefined) ||
    (severeAsked && a.swallowingSevere === undefined) ||
    (newAsked && a.headacheNew === undefined) ||
    (fastAsked && a.headacheFast === undefined) ||
    (improvingAsked && a.improving === undefined)
  ) {
    throw invalid("a follow-up is missing while its condition holds");
  }
  const hasId = Object.hasOwn(a, "id");
  const id = a.id;
  if (hasId && id !== undefined) {
    const ok = (typeof id === "string" && id.length <= 200) || Number.isSafeInteger(id);
    if (!ok) throw invalid("id: expected a string of at most 200 characters or an integer within ±9007199254740991");
  }
  if (Object.keys(a).length !== ALWAYS_ASKED + given + (hasId ? 1 : 0)) throw invalid("unknown field");

  // A follow-up whose condition does not hold reads as not answered (0).
  const injuryMechanism = mechanismAsked ? a.injuryMechanism : undefined;
  const swallowingSevere = severeAsked ? a.swallowingSevere : undefined;
  const headacheNew = newAsked ? a.headacheNew : undefined;
  const headacheFast = fastAsked ? a.headacheFast : undefined;
  const improving = improvingAsked ? a.improving : undefined;

  const E = yes(emergencySigns);
  const risk = yes(riskHistory);
  const weak = yes(limbWeakness);
  const coord = yes(coordinationLoss);
  const fev = yes(fever);
  const chin = no(canTouchChinToChest);
  const ting = yes(armTinglingOrNumbness);
  const shoot = yes(shootingArmPain);
  const mech = yes(injuryMechanism);
  const severe = yes(swallowingSevere);
  const fresh = yes(headacheNew);
  // headache-over-50 reads headacheNew with `in: ["yes", "unsure"]`: "unsure" counts as 1 there.
  const freshOrUnsure = headacheNew === "yes" || headacheNew === "unsure" ? 1 : 0;
  const fast = yes(headacheFast);
  const impr = improvingAsked ? no(improving) : 0;
  const otc = otcResponse === "did-not-help" ? 1 : otcResponse === "unsure" ? 0.5 : 0;
  const old = age >= 65 ? 1 : 0;
  const over50 = age >= 50 ? 1 : 0;

  // Reasons by urgency; rules are visited in ruleset order, so each list keeps that order.
  const em = [];
  const ur = [];
  const so = [];
  const reason = (ruleId, urgency, certainty, answers) => ({ ruleId, urgency, certainty, answers });
  // An emergency rule: confirmed; or possible and anchored (exactly one part unsure, one confirmed,
  // neither about who the person is); or possible and one level down (section 3.2-3.4).
  const emergencyRule = (ruleId, first, second, anchorable, answers) => {
    const value = min(first, second);
    if (value === 0) return;
    if (value === 1) em.push(reason(ruleId, "emergency", "confirmed", answers));
    else if (anchorable && first + second === 1.5) em.push(reason(ruleId, "emergency", "possible", answers));
    else ur.push(reason(ruleId, "urgent", "possible", answers));
  };
  const urgentRule = (ruleId, value, answers) => {
    if (value === 1) ur.push(reason(ruleId, "urgent", "confirmed", answers));
    else if (value === 0.5) so.push(reason(ruleId, "soon", "possible", answers));
  };
  const soonRule = (ruleId, value, answers) => {
    if (value > 0) so.push(reason(ruleId, "soon", value === 1 ? "confirmed" : "possible", answers));
  };
  // A reason shows the answers its rule reads, in question order, leaving out follow-ups not asked.
  const withFollowUp = (answers, key, value) => (value === undefined ? answers : { ...answers, [key]: value });

  emergencyRule("emergency-signs", E, E, false, { emergencySigns });
  emergencyRule("meningitis-signs", fev, chin, true, { fever, canTouchChinToChest });
  emergencyRule("infection-with-neuro", fev, max(weak, coord), true, { limbWeakness, coordinationLoss, fever });
  emergencyRule("spinal-cord-injury", inj, max(weak, max(ting, coord)), true, {
    injury,
    limbWeakness,
    coordinationLoss,
    armTinglingOrNumbness,
  });
  // Age and risk history are background: they never anchor.
  emergencyRule("injury-high-risk", inj, max(old, risk), false, { age, injury, riskHistory });
  emergencyRule("risk-with-fever", risk, fev, false, { riskHistory, fever });
  emergencyRule(
    "injury-dangerous-mechanism",
    inj,
    mech,
    true,
    withFollowUp({ injury }, "injuryMechanism", injuryMechanism),
  );
  urgentRule("injury", inj, { injury });
  urgentRule("swallowing-severe", min(sw, severe), withFollowUp({ swallowing }, "swallowingSevere", swallowingSevere));
  urgentRule("deep-neck-infection", min(sw, max(fev, chin)), { fever, swallowing, canTouchChinToChest });
  urgentRule("swallowing-with-risk", min(sw, risk), { riskHistory, swallowing });
  soonRule("swallowing", sw, { swallowing });
  urgentRule("fever", fev, { fever });
  urgentRule("fever-with-headache", min(fev, head), { fever, headache });
  urgentRule("weakness-or-coordination", max(weak, coord), { limbWeakness, coordinationLoss });
  urgentRule(
    "headache-over-50",
    min(head, min(over50, freshOrUnsure)),
    withFollowUp({ age, headache }, "headacheNew", headacheNew),
  );
  const fastAnswers = withFollowUp(
    withFollowUp({ headache }, "headacheNew", headacheNew),
    "headacheFast",
    headacheFast,
  );
  urgentRule("sudden-new-headache", min(head, min(fresh, fast)), fastAnswers);
  urgentRule(
    "new-headache-with-risk",
    min(head, min(fresh, risk)),
    withFollowUp({ riskHistory, headache }, "headacheNew", headacheNew),
  );
  soonRule("risk-history", risk, { riskHistory });
  soonRule("young", age < 16 ? 1 : 0, { age });
  soonRule("not-improving", impr, withFollowUp({ painDays }, "improving", improving));
  soonRule("medicine-not-helping", otc, { otcResponse });
  soonRule("headache", head, { headache });
  soonRule("arm-tingling-numbness", ting, { armTinglingOrNumbness });
  soonRule("shooting-arm-pain", shoot, { shootingArmPain });
  soonRule("stiff-neck", chin, { canTouchChinToChest });

  const reasons = em;
  for (let i = 0; i < ur.length; i++) reasons.push(ur[i]);
  for (let i = 0; i < so.length; i++) reasons.push(so[i]);
  const urgency = reasons.length > 0 ? reasons[0].urgency : "none";
  const verdict = urgency === "none" ? "self-care-likely-fine" : "see-a-professional";
  return id === undefined ? { verdict, urgency, reasons } : { id, verdict, urgency, reasons };
}
