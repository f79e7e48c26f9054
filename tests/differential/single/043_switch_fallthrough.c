// switch: fall-through, grouped labels, default in the middle, nested switch, switch on char.
#include <stdio.h>

static void days_left(int day)
{
    printf("day %d:", day);
    switch (day) {
    case 1:
        printf(" mon");
        /* fall through */
    case 2:
        printf(" tue");
        /* fall through */
    case 3:
        printf(" wed");
        /* fall through */
    case 4:
        printf(" thu");
        /* fall through */
    case 5:
        printf(" fri");
        break;
    default:
        printf(" weekend");
    }
    printf("\n");
}

static const char *classify(char c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
        return "vowel";
    default:
        if (c >= 'a' && c <= 'z')
            return "consonant";
        return "other";
    case ' ':
        return "space";
    }
}

static int duff_copy(char *to, const char *from, int count)
{
    int copied = 0;
    int n = (count + 3) / 4;
    switch (count % 4) {
    case 0: do { *to++ = *from++; copied++;
            /* fall through */
    case 3:      *to++ = *from++; copied++;
            /* fall through */
    case 2:      *to++ = *from++; copied++;
            /* fall through */
    case 1:      *to++ = *from++; copied++;
            } while (--n > 0);
    }
    return copied;
}

int main(void)
{
    for (int d = 1; d <= 7; d += 2)
        days_left(d);
    const char *text = "fork it";
    for (const char *p = text; *p; p++)
        printf("%c:%s ", *p, classify(*p));
    printf("\n");

    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++)
            switch (i) {
            case 0:
                switch (j) {
                case 0: printf("i0j0 "); break;
                case 1: printf("i0j1 "); break;
                }
                break;
            case 1:
                if (j == 1)
                    break;
                printf("i1j%d ", j);
                break;
            default:
                printf("i%dj%d ", i, j);
            }
    printf("\n");
    char buffer[16] = { 0 };
    int copied = duff_copy(buffer, "duff's device!", 14);
    printf("copied %d: %s\n", copied, buffer);
    switch (42) {
    }
    switch (3) {
    case 1 + 2:
        printf("constant expression label matched\n");
    }
    return 0;
}
