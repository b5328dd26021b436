// Validates Vigil's FHIR bundles with real FHIR R4 software (validator.mjs).
// Usage: node validate.mjs FILE_OR_FOLDER...   Exit 0 when every resource is valid, 1 otherwise.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from './validator.mjs';

function files(path) {
  if (statSync(path).isDirectory()) return readdirSync(path).filter((f) => f.endsWith('.json')).sort().flatMap((f) => files(join(path, f)));
  return [path];
}

// The validator must be able to fail: a resource known to be wrong has to be refused, or the run
// proves nothing.
const broken = { resourceType: 'Observation', code: { text: 'x' }, valueQuantity: { value: 'NaN' } };
if (validate(broken).length === 0) { console.error('validate.mjs: the validator accepted a broken Observation'); process.exit(2); }

let bundles = 0, resources = 0, failed = 0;
for (const file of process.argv.slice(2).flatMap(files)) {
  const bundle = JSON.parse(readFileSync(file, 'utf8'));
  bundles++;
  const all = [[`${file}: Bundle`, bundle], ...(bundle.entry ?? []).map((e) => [`${file}: ${e.resource?.resourceType}/${e.resource?.id}`, e.resource])];
  for (const [where, res] of all) {
    if (res !== bundle) resources++;
    const problems = validate(res);
    if (problems.length) { failed++; for (const p of problems) console.log(`${where}: ${p}`); }
  }
}
if (resources === 0) { console.error('validate.mjs: no resources found: nothing was checked'); process.exit(2); }
console.log(`${resources} resources in ${bundles} bundles checked, ${failed} invalid`);
process.exit(failed ? 1 : 0);
