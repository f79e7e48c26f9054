/**
 * math.h: the functions the lab computes as glibc 2.36 does on x86-64 (vm/libc/math), glibc's
 * constants, and the classification macros (isnan, isinf… as gcc's builtins answer them: isinf
 * gives -1 for -inf). Link programs that use it with -lm on Linux.
 */
import { guarded } from './common.ts';

const MATH_H = guarded('_MATH_H', `
#define HUGE_VAL (__builtin_huge_val ())
#define HUGE_VALF (__builtin_huge_valf ())
#define INFINITY (__builtin_inff ())
#define NAN (__builtin_nanf (""))

#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4

#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440

double sqrt(double __x);
double fabs(double __x);
double floor(double __x);
double ceil(double __x);
double trunc(double __x);
double round(double __x);
double fmod(double __x, double __y);
double fmin(double __x, double __y);
double fmax(double __x, double __y);
double exp(double __x);
double log(double __x);
double pow(double __x, double __y);
double sin(double __x);
double cos(double __x);
float sqrtf(float __x);
float fabsf(float __x);
float floorf(float __x);
float ceilf(float __x);
float truncf(float __x);
float roundf(float __x);
float fmodf(float __x, float __y);

/* gcc's classification builtins, one call each (the argument is evaluated once) */
int __lab_fpclassify(double __x);
int __lab_signbit(double __x);
int __lab_isinf(double __x);
#define fpclassify(x) __lab_fpclassify(x)
#define isnan(x) (__lab_fpclassify(x) == FP_NAN)
#define isinf(x) __lab_isinf(x)
#define isfinite(x) (__lab_fpclassify(x) >= FP_ZERO)
#define isnormal(x) (__lab_fpclassify(x) == FP_NORMAL)
#define signbit(x) __lab_signbit(x)
`);

export const MATH_HEADERS: Record<string, string> = { 'math.h': MATH_H };
