/**
 * What the build compiles once so that the built lab never compiles it at run time
 * (scripts/build-node.mjs bundles this file, runs it, and puts the results into the bundle):
 *
 *   - the runtime object of the lab's C runtime (src-main/lang/runtime-object.ts);
 *   - the pack schema's validators as ajv standalone code (src-main/packs/validate-schema.ts).
 */
import Ajv from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { compileRuntimeObject } from '../src-main/lang/compiler.ts';
import { serializeRuntimeObject } from '../src-main/lang/runtime-object.ts';
import { CRT } from '../src-main/vm/libc/crt.ts';
import { AJV_OPTIONS } from '../src-main/packs/validate-schema.ts';
import { EXERCISE_YAML_REF, PACK_SCHEMA, PACK_YAML_REF } from '../src-main/packs/schema.ts';

/** The serialised runtime objects: the C runtime after the program's one file (unit 1), as every door compiles. */
export function runtimeObjects(): string[] {
  const object = compileRuntimeObject([CRT], 1);
  if (!object) throw new Error("the lab's C runtime does not compile on its own");
  return [serializeRuntimeObject(object)];
}

/**
 * An ES module exporting PREBUILT_VALIDATORS = { pack, exercise }: the validators of pack.yaml
 * and exercise.yaml, compiled with the options validate-schema.ts compiles them with.
 */
export function validatorsModule(): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  ajv.addSchema(PACK_SCHEMA);
  const generate = (standalone as unknown as { default?: typeof standalone }).default ?? standalone;
  let code = generate(ajv, { pack: PACK_YAML_REF, exercise: EXERCISE_YAML_REF });
  // ajv's runtime helpers are CommonJS: import each once instead of require()
  const imports: string[] = [];
  code = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9_]+)"\)/g, (_whole, path: string) => {
    const name = `__ajv_runtime_${imports.length}`;
    imports.push(`import ${name} from "${path}.js";`);
    return name;
  });
  return `${imports.join('\n')}\n${code}\nexport const PREBUILT_VALIDATORS = { pack, exercise };\n`;
}
