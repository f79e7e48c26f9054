/**
 * Headers of the language itself and of plain types and limits: stddef.h, stdbool.h, stdint.h,
 * inttypes.h, limits.h, sys/types.h, assert.h, and the private bits/pthreadtypes.h.
 * Values are those of gcc and glibc on x86-64 Linux (LP64).
 */
import {
  CLOCK_T, GID_T, guarded, INTPTR_T, MODE_T, NULL_DEFINITION, OFF_T, PID_T, SIZE_T, SSIZE_T, TIME_T, typedefOnce,
  UID_T, USECONDS_T,
} from './common.ts';

const STDDEF_H = guarded('_STDDEF_H', `
${SIZE_T}
typedef long ptrdiff_t;
${typedefOnce('wchar_t', 'int')}
${NULL_DEFINITION}
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
`);

const STDBOOL_H = guarded('_STDBOOL_H', `
#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
`);

const STDINT_H = guarded('_STDINT_H', `
typedef signed char int8_t;
typedef short int int16_t;
typedef int int32_t;
typedef long int int64_t;
typedef unsigned char uint8_t;
typedef unsigned short int uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long int uint64_t;

typedef signed char int_least8_t;
typedef short int int_least16_t;
typedef int int_least32_t;
typedef long int int_least64_t;
typedef unsigned char uint_least8_t;
typedef unsigned short int uint_least16_t;
typedef unsigned int uint_least32_t;
typedef unsigned long int uint_least64_t;

typedef signed char int_fast8_t;
typedef long int int_fast16_t;
typedef long int int_fast32_t;
typedef long int int_fast64_t;
typedef unsigned char uint_fast8_t;
typedef unsigned long int uint_fast16_t;
typedef unsigned long int uint_fast32_t;
typedef unsigned long int uint_fast64_t;

${INTPTR_T}
typedef unsigned long int uintptr_t;
typedef long int intmax_t;
typedef unsigned long int uintmax_t;

#define __INT64_C(c) c ## L
#define __UINT64_C(c) c ## UL

#define INT8_MIN (-128)
#define INT16_MIN (-32767-1)
#define INT32_MIN (-2147483647-1)
#define INT64_MIN (-__INT64_C(9223372036854775807)-1)
#define INT8_MAX (127)
#define INT16_MAX (32767)
#define INT32_MAX (2147483647)
#define INT64_MAX (__INT64_C(9223372036854775807))
#define UINT8_MAX (255)
#define UINT16_MAX (65535)
#define UINT32_MAX (4294967295U)
#define UINT64_MAX (__UINT64_C(18446744073709551615))

#define INT_LEAST8_MIN (-128)
#define INT_LEAST16_MIN (-32767-1)
#define INT_LEAST32_MIN (-2147483647-1)
#define INT_LEAST64_MIN (-__INT64_C(9223372036854775807)-1)
#define INT_LEAST8_MAX (127)
#define INT_LEAST16_MAX (32767)
#define INT_LEAST32_MAX (2147483647)
#define INT_LEAST64_MAX (__INT64_C(9223372036854775807))
#define UINT_LEAST8_MAX (255)
#define UINT_LEAST16_MAX (65535)
#define UINT_LEAST32_MAX (4294967295U)
#define UINT_LEAST64_MAX (__UINT64_C(18446744073709551615))

#define INT_FAST8_MIN (-128)
#define INT_FAST16_MIN (-9223372036854775807L-1)
#define INT_FAST32_MIN (-9223372036854775807L-1)
#define INT_FAST64_MIN (-__INT64_C(9223372036854775807)-1)
#define INT_FAST8_MAX (127)
#define INT_FAST16_MAX (9223372036854775807L)
#define INT_FAST32_MAX (9223372036854775807L)
#define INT_FAST64_MAX (__INT64_C(9223372036854775807))
#define UINT_FAST8_MAX (255)
#define UINT_FAST16_MAX (18446744073709551615UL)
#define UINT_FAST32_MAX (18446744073709551615UL)
#define UINT_FAST64_MAX (__UINT64_C(18446744073709551615))

#define INTPTR_MIN (-9223372036854775807L-1)
#define INTPTR_MAX (9223372036854775807L)
#define UINTPTR_MAX (18446744073709551615UL)
#define INTMAX_MIN (-__INT64_C(9223372036854775807)-1)
#define INTMAX_MAX (__INT64_C(9223372036854775807))
#define UINTMAX_MAX (__UINT64_C(18446744073709551615))
#define PTRDIFF_MIN (-9223372036854775807L-1)
#define PTRDIFF_MAX (9223372036854775807L)
#define SIG_ATOMIC_MIN (-2147483647-1)
#define SIG_ATOMIC_MAX (2147483647)
#define SIZE_MAX (18446744073709551615UL)
#define WCHAR_MIN (-2147483647-1)
#define WCHAR_MAX (2147483647)

#define INT8_C(c) c
#define INT16_C(c) c
#define INT32_C(c) c
#define INT64_C(c) c ## L
#define UINT8_C(c) c
#define UINT16_C(c) c
#define UINT32_C(c) c ## U
#define UINT64_C(c) c ## UL
#define INTMAX_C(c) c ## L
#define UINTMAX_C(c) c ## UL
`);

const INTTYPES_H = guarded('_INTTYPES_H', `
#include <stdint.h>

typedef struct {
  long int quot;
  long int rem;
} imaxdiv_t;

#define PRId8 "d"
#define PRId16 "d"
#define PRId32 "d"
#define PRId64 "ld"
#define PRIi8 "i"
#define PRIi16 "i"
#define PRIi32 "i"
#define PRIi64 "li"
#define PRIu8 "u"
#define PRIu16 "u"
#define PRIu32 "u"
#define PRIu64 "lu"
#define PRIo8 "o"
#define PRIo16 "o"
#define PRIo32 "o"
#define PRIo64 "lo"
#define PRIx8 "x"
#define PRIx16 "x"
#define PRIx32 "x"
#define PRIx64 "lx"
#define PRIX8 "X"
#define PRIX16 "X"
#define PRIX32 "X"
#define PRIX64 "lX"
#define PRIdMAX "ld"
#define PRIiMAX "li"
#define PRIuMAX "lu"
#define PRIoMAX "lo"
#define PRIxMAX "lx"
#define PRIXMAX "lX"
#define PRIdPTR "ld"
#define PRIiPTR "li"
#define PRIuPTR "lu"
#define PRIoPTR "lo"
#define PRIxPTR "lx"
#define PRIXPTR "lX"
`);

const LIMITS_H = guarded('_LIMITS_H', `
#define CHAR_BIT 8
#define MB_LEN_MAX 16
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#define SHRT_MIN (-32768)
#define SHRT_MAX 32767
#define USHRT_MAX 65535
#define INT_MIN (-INT_MAX - 1)
#define INT_MAX 2147483647
#define UINT_MAX 4294967295U
#define LONG_MAX 9223372036854775807L
#define LONG_MIN (-LONG_MAX - 1L)
#define ULONG_MAX 18446744073709551615UL
#define LLONG_MAX 9223372036854775807LL
#define LLONG_MIN (-LLONG_MAX - 1LL)
#define ULLONG_MAX 18446744073709551615ULL
#define SSIZE_MAX LONG_MAX
#define PATH_MAX 4096
#define NAME_MAX 255
#define PIPE_BUF 4096
#define NGROUPS_MAX 65536
#define HOST_NAME_MAX 64
#define PTHREAD_STACK_MIN 16384
`);

const SYS_TYPES_H = guarded('_SYS_TYPES_H', `
typedef unsigned char u_char;
typedef unsigned short int u_short;
typedef unsigned int u_int;
typedef unsigned long int u_long;
typedef unsigned long int dev_t;
typedef unsigned long int ino_t;
typedef unsigned long int nlink_t;
typedef unsigned int id_t;
typedef int key_t;
typedef long int blksize_t;
typedef long int blkcnt_t;
typedef long int suseconds_t;
${SIZE_T}${SSIZE_T}${PID_T}${UID_T}${GID_T}${OFF_T}${MODE_T}${TIME_T}${CLOCK_T}${USECONDS_T}
#include <bits/pthreadtypes.h>
`);

/** pthread's types, shared by sys/types.h and pthread.h (glibc's layouts: sizes 8, 40, 4, 56). */
const BITS_PTHREADTYPES_H = guarded('_BITS_PTHREADTYPES_H', `
typedef unsigned long int pthread_t;
typedef union { char __size[40]; long int __align; } pthread_mutex_t;
typedef union { char __size[4]; int __align; } pthread_mutexattr_t;
typedef union { char __size[56]; long int __align; } pthread_attr_t;
`);

/** Not guarded, as the C standard wants: each inclusion redefines assert from NDEBUG. */
const ASSERT_H = `
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __lab_assert_fail(#e, __FILE__, __LINE__, __func__))
#endif
#ifndef _ASSERT_H
#define _ASSERT_H 1
void __lab_assert_fail(const char *__assertion, const char *__file, unsigned int __line, const char *__function);
#define static_assert _Static_assert
#endif
`;

export const BASIC_HEADERS: Record<string, string> = {
  'stddef.h': STDDEF_H,
  'stdbool.h': STDBOOL_H,
  'stdint.h': STDINT_H,
  'inttypes.h': INTTYPES_H,
  'limits.h': LIMITS_H,
  'sys/types.h': SYS_TYPES_H,
  'bits/pthreadtypes.h': BITS_PTHREADTYPES_H,
  'assert.h': ASSERT_H,
};
