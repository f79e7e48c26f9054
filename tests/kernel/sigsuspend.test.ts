/**
 * sigsuspend and sigpending (kernel/signal.ts): the mask swap and the sleep are one step, the
 * handler that ends the sleep returns to the old mask, and only blocked signals are pending.
 */
import { describe, expect, it } from 'vitest';
import { boot, run, eventsOf } from './helpers.ts';

const HANDLER = 'volatile int got; void h(int s) { got = s; }\n';

describe('sigsuspend', () => {
  it('takes a signal that its mask unblocks at once, without sleeping, and returns -1 EINTR with the old mask back', () => {
    const r = run(HANDLER + `int main(void) {
  signal(SIGUSR1, h);
  sigset_t b, old, now; sigemptyset(&b); sigaddset(&b, SIGUSR1);
  sigprocmask(SIG_BLOCK, &b, &old);
  raise(SIGUSR1);
  int before = got;
  int r = sigsuspend(&old);
  sigprocmask(SIG_SETMASK, NULL, &now);
  printf("%d %d %d %d %d\\n", before, r, errno == EINTR, got, sigismember(&now, SIGUSR1));
  return 0; }`, { trace: 'all' });
    expect(r.stdout).toBe('0 -1 1 10 1\n');
    expect(eventsOf(r.trace, 'block').filter((e) => e.on === 'pause')).toHaveLength(0);
  });

  it('sleeps until a signal runs a handler; a signal its mask blocks stays pending and does not wake it', () => {
    const r = run(HANDLER + `int main(void) {
  signal(SIGUSR1, h); signal(SIGUSR2, h);
  sigset_t b, only2, pend; sigemptyset(&b); sigaddset(&b, SIGUSR1); sigaddset(&b, SIGUSR2);
  sigprocmask(SIG_BLOCK, &b, NULL);
  pid_t p = fork();
  if (p == 0) { kill(getppid(), SIGUSR2); sleep(1); kill(getppid(), SIGUSR1); _exit(0); }
  sigemptyset(&only2); sigaddset(&only2, SIGUSR2);
  sigsuspend(&only2);
  sigpending(&pend);
  printf("woken by %d, SIGUSR2 pending %d, SIGUSR1 pending %d\\n", got, sigismember(&pend, SIGUSR2), sigismember(&pend, SIGUSR1));
  wait(NULL); return 0; }`, { trace: 'all' });
    expect(r.stdout).toBe('woken by 10, SIGUSR2 pending 1, SIGUSR1 pending 0\n');
    const parentBlocks = eventsOf(r.trace, 'block').filter((e) => e.on === 'pause');
    expect(parentBlocks.length).toBeGreaterThanOrEqual(1);
  });

  it('is not woken by a signal that is ignored (the run deadlocks, as the process would sleep forever)', () => {
    const machine = boot(`int main(void) {
  signal(SIGUSR1, SIG_IGN);
  sigset_t none; sigemptyset(&none);
  raise(SIGUSR1);
  sigsuspend(&none);
  return 0; }`);
    expect(machine.kernel.stopReason).toBe('deadlock');
  });

  it('fails with EFAULT for a NULL mask', () => {
    const r = run('int main(void) { int r = sigsuspend(NULL); printf("%d %d\\n", r, errno == EFAULT); return 0; }');
    expect(r.stdout).toBe('-1 1\n');
  });
});
