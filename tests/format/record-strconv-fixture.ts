/**
 * Records glibc's strtol/strtoul/strtod results for the strconv cases into strconv-fixture.json.
 * Run: node bin/run-ts.mjs tests/format/record-strconv-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { glibcStrconv } from './gcc-strconv.ts';
import { doubleCases, integerCases } from './strconv-cases.ts';

const integers = integerCases();
const doubles = doubleCases();
const results = glibcStrconv(integers, doubles);
const fixture = {
  integers: integers.map((c, i) => ({ ...c, expected: results.integers[i] })),
  doubles: doubles.map((input, i) => ({ input, expected: results.doubles[i] })),
};
const path = fileURLToPath(new URL('./strconv-fixture.json', import.meta.url));
writeFileSync(path, JSON.stringify(fixture).replace(/\},\{"/g, '},\n{"') + '\n');
console.log(`recorded ${integers.length} integer and ${doubles.length} strtod cases into ${path}`);
