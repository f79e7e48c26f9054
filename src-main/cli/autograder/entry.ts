/**
 * The autograders' program (bundle.ts builds it into forklab-autograde.mjs): `forklab autograde`
 * with its arguments, nothing else. Pack patterns' matching gets its time limit in this thread
 * first, as the command line gives it to the commands that grade: a student's output that makes a
 * check's pattern backtrack must end that check, not the grading (and the platform's time-out).
 */
import '../../host/match-watchdog.ts';
import { commandAutograde } from '../autograde.ts';

process.exitCode = await commandAutograde(process.argv.slice(2), process.stdout, process.stderr);
