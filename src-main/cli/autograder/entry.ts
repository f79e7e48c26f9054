/**
 * The autograders' program (bundle.ts builds it into forklab-autograde.mjs): `forklab autograde`
 * with its arguments, nothing else.
 */
import { commandAutograde } from '../autograde.ts';

process.exitCode = await commandAutograde(process.argv.slice(2), process.stdout, process.stderr);
