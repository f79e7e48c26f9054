// The constants of limits.h and stdint.h on x86-64 Linux.
#include <stdio.h>
#include <limits.h>
#include <stdint.h>
#include <stddef.h>

int main(void)
{
    printf("CHAR_BIT %d\n", CHAR_BIT);
    printf("SCHAR_MIN %d SCHAR_MAX %d UCHAR_MAX %d\n", SCHAR_MIN, SCHAR_MAX, UCHAR_MAX);
    printf("CHAR_MIN %d CHAR_MAX %d\n", CHAR_MIN, CHAR_MAX);
    printf("SHRT_MIN %d SHRT_MAX %d USHRT_MAX %d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
    printf("INT_MIN %d INT_MAX %d UINT_MAX %u\n", INT_MIN, INT_MAX, UINT_MAX);
    printf("LONG_MIN %ld LONG_MAX %ld ULONG_MAX %lu\n", LONG_MIN, LONG_MAX, ULONG_MAX);
    printf("LLONG_MIN %lld LLONG_MAX %lld ULLONG_MAX %llu\n", LLONG_MIN, LLONG_MAX, ULLONG_MAX);

    int8_t i8 = INT8_MIN;
    uint8_t u8 = UINT8_MAX;
    int16_t i16 = INT16_MIN;
    uint16_t u16 = UINT16_MAX;
    int32_t i32 = INT32_MIN;
    uint32_t u32 = UINT32_MAX;
    int64_t i64 = INT64_MIN;
    uint64_t u64 = UINT64_MAX;
    printf("int8 %d uint8 %d int16 %d uint16 %d\n", i8, u8, i16, u16);
    printf("int32 %d uint32 %u\n", i32, u32);
    printf("int64 %ld uint64 %lu\n", (long)i64, (unsigned long)u64);
    printf("sizes: %d %d %d %d %d %d %d %d\n", (int)sizeof i8, (int)sizeof u8, (int)sizeof i16,
           (int)sizeof u16, (int)sizeof i32, (int)sizeof u32, (int)sizeof i64, (int)sizeof u64);
    printf("SIZE_MAX %lu\n", (unsigned long)SIZE_MAX);
    printf("INTPTR_MAX %ld, sizeof(intptr_t) %d, sizeof(uintptr_t) %d\n", (long)INTPTR_MAX,
           (int)sizeof(intptr_t), (int)sizeof(uintptr_t));
    printf("sizeof(ptrdiff_t) %d, sizeof(size_t) %d\n", (int)sizeof(ptrdiff_t), (int)sizeof(size_t));
    uint8_t wrap = 255;
    wrap += 1;
    int16_t narrow = (int16_t)40000;
    printf("uint8 255+1 = %d, (int16_t)40000 = %d\n", wrap, narrow);
    return 0;
}
