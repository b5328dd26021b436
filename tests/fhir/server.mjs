// A FHIR R4 test server on the loopback address, for the delivery test: @medplum/fhir-router
// 4.5.2 over an in-memory repository. It validates every bundle it receives (validator.mjs) and,
// like a hospital's EHR, refuses resources about a patient it does not know (the subject is a
// logical reference by MRN): 422 with an OperationOutcome naming the identifier.
// Prints "listening http://127.0.0.1:PORT" once ready.
import { getStatus, badRequest } from '@medplum/core';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import http from 'node:http';
import { validate } from './validator.mjs';

const router = new FhirRouter();
const repo = new MemoryRepository();
const knownPatients = new Set(); // "system|value" of every Patient identifier stored

function outcome(issues) {
  return { resourceType: 'OperationOutcome', issue: issues.map((text) => ({ severity: 'error', code: 'invalid', details: { text } })) };
}

function patientRefs(resource) {
  return [resource.subject, resource.for].filter((r) => r?.identifier).map((r) => `${r.identifier.system}|${r.identifier.value}`);
}

async function handle(method, url, body) {
  const parsed = new URL(url, 'http://127.0.0.1');
  if (method === 'POST' && parsed.pathname === '/' && body?.resourceType === 'Bundle') {
    const problems = [];
    for (const p of validate(body)) problems.push(`Bundle: ${p}`);
    for (const e of body.entry ?? []) {
      for (const p of validate(e.resource ?? {})) problems.push(`${e.resource?.resourceType}/${e.resource?.id}: ${p}`);
    }
    if (problems.length) return [400, outcome(problems)];
    const unknown = new Set();
    for (const e of body.entry ?? []) for (const ref of patientRefs(e.resource)) if (!knownPatients.has(ref)) unknown.add(ref);
    if (unknown.size) return [422, outcome([...unknown].map((u) => `No Patient with identifier ${u} is known to this server`))];
  }
  const query = Object.fromEntries(parsed.searchParams.entries());
  const [result, resource] = await router.handleRequest({ method, url: parsed.pathname + parsed.search, body, params: {}, query }, repo);
  const status = getStatus(result);
  if (status < 300 && resource?.resourceType === 'Patient') for (const id of resource.identifier ?? []) knownPatients.add(`${id.system}|${id.value}`);
  return [status, resource ?? result];
}

const server = http.createServer((req, res) => {
  let data = '';
  req.on('data', (chunk) => (data += chunk));
  req.on('end', async () => {
    let answer;
    try {
      const body = data ? JSON.parse(data) : undefined;
      answer = await handle(req.method, req.url, body);
    } catch (e) {
      answer = [400, badRequest(String(e?.message ?? e))];
    }
    res.writeHead(answer[0], { 'Content-Type': 'application/fhir+json' });
    res.end(JSON.stringify(answer[1]));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening http://127.0.0.1:${server.address().port}`));
