/**
 * Stacks as library code sees them: the mappings of thread stacks (pthread_create in crt.ts),
 * alloca, and the saving and restoring of the stack pointer around blocks that declare
 * variable-length arrays (lang/codegen.ts). They move the
 * calling task's sp, which the CPU reloads after every library call; the memory stays where the
 * stack is, so running off the end is a SIGSEGV at the first touch, as on Linux.
 */
import { native, type NativeTable } from './native.ts';

/** Stack allocations are multiples of 16 bytes, as on x86-64. */
const STACK_ALIGN = 16;

export const STACK_NATIVES: NativeTable = {
  __lab_mmap: native('ptr', (c) => {
    const address = c.sys.mmap(c.size(0), 'thread stack');
    return address === -1 ? 0 : address;
  }),
  __lab_munmap: native('i32', (c) => (c.sys.munmap(c.ptr(0), c.size(1)) < 0 ? -1 : 0)),
  alloca: native('ptr', (c) => {
    const size = Math.ceil(c.size(0) / STACK_ALIGN) * STACK_ALIGN;
    c.ctx.sp -= size;
    return c.ctx.sp;
  }),
  __lab_stack_save: native('ptr', (c) => c.ctx.sp),
  __lab_stack_restore: native('void', (c) => {
    c.ctx.sp = c.ptr(0);
    return undefined;
  }),
};
