/**
 * stdarg.h: variable argument lists for the student's own variadic functions.
 *
 * How the lab passes them (codegen-expr.ts, genCall): a caller of a variadic function stores
 * the arguments that match `...` in an area of its own frame, 8 bytes each (a struct takes its
 * size rounded up to 8), and passes the area's address as a hidden last parameter. So a va_list
 * is a plain pointer into that area, va_arg reads the next value and steps over it, and
 * va_copy is an assignment. The macros expand to the compiler's __builtin_va_* forms, as with gcc.
 */
import { guarded } from './common.ts';

/** The va_list type, shared by stdarg.h and stdio.h's vprintf family (glibc's __gnuc_va_list). */
const BITS_VA_LIST_H = guarded('_BITS_VA_LIST_H', `
typedef __builtin_va_list __gnuc_va_list;
`);

const STDARG_H = guarded('_STDARG_H', `
#include <bits/va_list.h>
typedef __gnuc_va_list va_list;
#define va_start(v, l) __builtin_va_start(v, l)
#define va_end(v) __builtin_va_end(v)
#define va_arg(v, l) __builtin_va_arg(v, l)
#define va_copy(d, s) __builtin_va_copy(d, s)
#define __va_copy(d, s) __builtin_va_copy(d, s)
`);

export const STDARG_HEADERS: Record<string, string> = {
  'bits/va_list.h': BITS_VA_LIST_H,
  'stdarg.h': STDARG_H,
};
