/**
 * Records what gcc/glibc prints for every printf case into printf-fixture.json, so that the
 * fixture test runs without gcc. The fixture holds only the outputs, in case order, and a
 * fingerprint of the cases: re-record after changing printf-cases.ts.
 * Run: node bin/run-ts.mjs tests/format/record-printf-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { glibcPrintf } from './gcc-printf.ts';
import { casesFingerprint, printfCases } from './printf-cases.ts';

const cases = printfCases();
const fixture = { fingerprint: casesFingerprint(cases), expected: glibcPrintf(cases) };
const path = fileURLToPath(new URL('./printf-fixture.json', import.meta.url));
writeFileSync(path, JSON.stringify(fixture).replace(/","/g, '",\n"') + '\n');
console.log(`recorded ${cases.length} printf cases into ${path}`);
