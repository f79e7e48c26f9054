// expect: 6:5: 'va_start' used in function with fixed arguments
/* va_start belongs in a function declared with '...'. */
#include <stdarg.h>
int sum(int count) {
    va_list ap;
    va_start(ap, count);
    va_end(ap);
    return count;
}
int main(void) {
    return sum(1);
}
