// sizeof every type and kind of expression (its operand is not evaluated).
#include <stdio.h>
#include <stddef.h>

struct s { char c; int i; };
union u { char c; long l; };
enum e { A, B };

int main(void)
{
    printf("char %zu short %zu int %zu long %zu long long %zu\n", sizeof(char), sizeof(short),
           sizeof(int), sizeof(long), sizeof(long long));
    printf("float %zu double %zu _Bool %zu\n", sizeof(float), sizeof(double), sizeof(_Bool));
    printf("void* %zu char* %zu int** %zu function pointer %zu\n", sizeof(void *), sizeof(char *),
           sizeof(int **), sizeof(int (*)(void)));
    printf("struct s %zu union u %zu enum e %zu\n", sizeof(struct s), sizeof(union u), sizeof(enum e));
    printf("size_t %zu\n", sizeof(size_t));

    int arr[10];
    int *ptr = arr;
    char str[] = "hello";
    const char *lit = "hello";
    printf("arr %zu, ptr %zu, str %zu, lit %zu, \"hello\" %zu\n", sizeof arr, sizeof ptr, sizeof str,
           sizeof lit, sizeof "hello");
    printf("arr[0] %zu, &arr %zu, *ptr %zu, &arr[0] %zu\n", sizeof arr[0], sizeof &arr, sizeof *ptr,
           sizeof &arr[0]);
    int i = 5;
    size_t n = sizeof(i++);
    printf("sizeof(i++) = %zu and i is still %d\n", n, i);
    printf("sizeof(1 + 2.0) %zu, sizeof(1 + 2L) %zu, sizeof('a') %zu, sizeof(1.0f) %zu\n",
           sizeof(1 + 2.0), sizeof(1 + 2L), sizeof('a'), sizeof(1.0f));
    short sh = 1;
    printf("sizeof(sh) %zu, sizeof(sh + sh) %zu, sizeof(-sh) %zu\n", sizeof(sh), sizeof(sh + sh), sizeof(-sh));
    int matrix[3][5];
    printf("matrix %zu, row %zu, elements %zu\n", sizeof matrix, sizeof matrix[0],
           sizeof matrix / sizeof matrix[0][0]);
    struct s many[7];
    printf("array of struct %zu\n", sizeof many);
    printf("sizeof(struct s *) %zu, sizeof(main) via pointer %zu\n", sizeof(struct s *), sizeof(&main));
    printf("sizeof(ptrdiff_t) %zu\n", sizeof(ptrdiff_t));
    return 0;
}
