/**
 * Small functions of <unistd.h> that glibc answers without the kernel: getpagesize and sysconf
 * (from the values the kernel gave the process at exec, in the auxiliary vector).
 */
import { native, type NativeTable } from './native.ts';
import { EINVAL } from '../../kernel/uapi.ts';

/** sysconf names the lab answers (bits/confname.h); the header defines only these. */
export const SC_CLK_TCK = 2;
export const SC_PAGESIZE = 30;
/** clock ticks per second (times(2)), as Linux reports to every program */
const CLK_TCK = 100;

export const UNISTD_NATIVES: NativeTable = {
  getpagesize: native('i32', (c) => c.mem.tlb.pageSize),
  sysconf: native('i64', (c) => {
    switch (c.i32(0)) {
      case SC_PAGESIZE:
        return c.mem.tlb.pageSize;
      case SC_CLK_TCK:
        return CLK_TCK;
      default:
        c.setErrno(EINVAL);
        return -1;
    }
  }),
};
