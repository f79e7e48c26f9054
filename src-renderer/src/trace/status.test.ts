import { describe, expect, it } from 'vitest';
import { runStatus, taskEnd } from './status.ts';

describe('runStatus', () => {
  it('a crash is red with its signal, never a green "exited"', () => {
    expect(runStatus({ stopReason: 'exited', exit: { code: 139, signal: 'SIGSEGV' } })).toEqual({ label: 'killed by SIGSEGV', tone: 'bad' });
    expect(runStatus({ stopReason: 'exited', exit: { code: 136, signal: 'SIGFPE' } }).tone).toBe('bad');
  });

  it('exit 0 is ok, another status is a warning that says it', () => {
    expect(runStatus({ stopReason: 'exited', exit: { code: 0, signal: null } })).toEqual({ label: 'exited', tone: 'ok' });
    expect(runStatus({ stopReason: 'exited', exit: { code: 1, signal: null } })).toEqual({ label: 'exited with status 1', tone: 'warn' });
  });

  it('says in words why a run stopped', () => {
    expect(runStatus({ stopReason: 'step-limit', exit: { code: 124, signal: null } }).label).toBe('stopped: step limit reached');
    expect(runStatus({ stopReason: 'cancelled', exit: { code: 0, signal: null } })).toEqual({ label: 'cancelled', tone: 'warn' });
    expect(runStatus({ stopReason: 'some-new-reason', exit: { code: 0, signal: null } }).label).toBe('stopped: some new reason');
  });
});

describe('taskEnd', () => {
  it('a killed task says its signal in red, living tasks have no ending', () => {
    expect(taskEnd({ state: 'Z', signal: 'SIGSEGV', exitCode: 0 })).toEqual({ label: 'killed by SIGSEGV', tone: 'bad' });
    expect(taskEnd({ state: 'X', signal: null, exitCode: 0 })).toEqual({ label: 'exit 0', tone: 'ok' });
    expect(taskEnd({ state: 'X', signal: null, exitCode: 2 })!.tone).toBe('warn');
    expect(taskEnd({ state: 'R', signal: null, exitCode: null })).toBeNull();
  });
});
