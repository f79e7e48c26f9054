/**
 * The pack schema's validators compiled at build time (ajv standalone code, made by
 * scripts/prebuilt-sources.ts): scripts/build-node.mjs replaces this module in the bundle, so the
 * built lab never compiles the schema. null in the sources: validate-schema.ts compiles it once.
 */
import type { ValidateFunction } from 'ajv';

export const PREBUILT_VALIDATORS: { pack: ValidateFunction; exercise: ValidateFunction } | null = null;
