/**
 * The stack pointer as library code sees it: alloca, and the saving and restoring of the stack
 * pointer around blocks that declare variable-length arrays (lang/codegen.ts). They move the
 * calling task's sp, which the CPU reloads after every library call; the memory stays where the
 * stack is, so running off the end is a SIGSEGV at the first touch, as on Linux.
 */
import { native, type NativeTable } from './native.ts';

/** Stack allocations are multiples of 16 bytes, as on x86-64. */
const STACK_ALIGN = 16;

export const STACK_NATIVES: NativeTable = {
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
