// The delivery test's view of the server (a different client from Vigil's, so what was stored is
// read back independently).
//   node client.mjs register BASE DIR [--skip-first | --only MRN]   Patients for the bundles' MRNs
//   node client.mjs readback BASE DIR [--absent MRN]   every resource of DIR's bundles as stored
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [command, base, dir, flag, flagValue] = process.argv.slice(2);
const bundles = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const mrnOf = (res) => (res.subject ?? res.for)?.identifier;
const mrns = [...new Map(bundles.flatMap((b) => b.entry.map((e) => mrnOf(e.resource))).filter(Boolean).map((i) => [i.value, i])).values()].sort((a, b) => a.value.localeCompare(b.value));

async function request(method, path, body) {
  const res = await fetch(`${base}/${path}`, { method, headers: { 'Content-Type': 'application/fhir+json' }, body: body && JSON.stringify(body) });
  return [res.status, await res.json()];
}

if (command === 'register') {
  let chosen = mrns;
  if (flag === '--skip-first') { console.log(`skipped ${mrns[0].value}`); chosen = mrns.slice(1); }
  if (flag === '--only') chosen = mrns.filter((m) => m.value === flagValue);
  if (chosen.length === 0) { console.error('no patient to register'); process.exit(1); }
  for (const id of chosen) {
    const [status] = await request('POST', 'Patient', { resourceType: 'Patient', identifier: [id] });
    if (status !== 201) { console.error(`registering ${id.value}: HTTP ${status}`); process.exit(1); }
  }
  console.log(`registered ${chosen.length} patients`);
} else if (command === 'readback') {
  let stored = 0, absent = 0, wrong = 0;
  for (const b of bundles) {
    for (const e of b.entry) {
      const sent = e.resource;
      const [status, got] = await request('GET', `${sent.resourceType}/${sent.id}`);
      if (flag === '--absent' && mrnOf(sent)?.value === flagValue) {
        if (status === 404) absent++; else { wrong++; console.log(`${sent.resourceType}/${sent.id}: stored although refused (HTTP ${status})`); }
        continue;
      }
      const same = status === 200 && ['status', 'valueQuantity', 'valueInteger', 'valueCodeableConcept', 'component', 'dataAbsentReason', 'subject', 'for']
        .every((k) => JSON.stringify(got[k]) === JSON.stringify(sent[k]));
      if (same) stored++; else { wrong++; console.log(`${sent.resourceType}/${sent.id}: HTTP ${status}, not as sent`); }
    }
  }
  console.log(`${stored} resources stored as sent, ${absent} refused ones absent, ${wrong} wrong`);
  process.exit(wrong || stored === 0 ? 1 : 0);
}
