/**
 * Records what gcc/glibc prints for every printf case into printf-fixture.json, so that the
 * fixture test runs without gcc. Run: node bin/run-ts.mjs tests/format/record-printf-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { glibcPrintf } from './gcc-printf.ts';
import { printfCases } from './printf-cases.ts';

const cases = printfCases();
const outputs = glibcPrintf(cases);
const fixture = cases.map((c, i) => ({ ...c, expected: outputs[i] }));
const path = fileURLToPath(new URL('./printf-fixture.json', import.meta.url));
writeFileSync(path, JSON.stringify(fixture, null, 0).replace(/\},\{"fmt"/g, '},\n{"fmt"') + '\n');
console.log(`recorded ${fixture.length} printf cases into ${path}`);
