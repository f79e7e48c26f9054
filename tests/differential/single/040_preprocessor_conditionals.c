// Conditional compilation: #if with arithmetic, defined, #ifdef/#ifndef, #elif, #else, #error in
// a branch that is not taken, and nesting.
#define _GNU_SOURCE
#include <stdio.h>
#include <limits.h>

#define LEVEL 3
#define FEATURE_A
#define RATIO (LEVEL * 4 + 1)

#if LEVEL > 5
#error "LEVEL is too high"
#endif

int main(void)
{
#ifdef FEATURE_A
    printf("feature A on\n");
#else
    printf("feature A off\n");
#endif
#ifndef FEATURE_B
    printf("feature B off\n");
#endif
#if LEVEL == 1
    printf("level one\n");
#elif LEVEL == 2
    printf("level two\n");
#elif LEVEL == 3 && defined(FEATURE_A)
    printf("level three with A\n");
#else
    printf("other level\n");
#endif
#if RATIO % 2 == 1 && (RATIO << 1) == 26
    printf("RATIO is %d\n", RATIO);
#endif
#if defined FEATURE_A || defined(FEATURE_B)
    printf("A or B\n");
#endif
#if !defined(FEATURE_B)
#  if UNDEFINED_NAME == 0
    printf("an undefined name is 0 in #if\n");
#  endif
#endif
#if INT_MAX == 2147483647 && LONG_MAX > INT_MAX
    printf("int is 32 bits, long is wider\n");
#endif
#if 0
    this is not C at all, but it is never compiled
#error "never"
#endif
#if (-1 < 0) && (5 / 2 == 2) && (7 % 3 == 1) && (0x10 == 16) && ('A' == 65)
    printf("#if arithmetic works\n");
#endif
#undef FEATURE_A
#ifdef FEATURE_A
    printf("still defined\n");
#else
    printf("FEATURE_A undefined now\n");
#endif
    return 0;
}
