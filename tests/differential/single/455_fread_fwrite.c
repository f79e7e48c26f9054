// fwrite and fread on FILE streams: whole items, a short count at end of file, and feof then.
#include <stdio.h>
#include <string.h>

struct record {
    int id;
    double score;
    char name[12];
};

int main(void) {
    struct record out[3] = { { 1, 9.5, "ada" }, { 2, 7.25, "grace" }, { 3, 8.0, "linus" } };
    FILE *f = fopen("records.bin", "wb");
    printf("wrote %zu records\n", fwrite(out, sizeof out[0], 3, f));
    fclose(f);

    struct record in[5];
    memset(in, 0, sizeof in);
    f = fopen("records.bin", "rb");
    size_t got = fread(in, sizeof in[0], 5, f);
    printf("read %zu records, feof %d, ferror %d\n", got, feof(f) != 0, ferror(f) != 0);
    for (size_t i = 0; i < got; i++) printf("%d %.2f %s\n", in[i].id, in[i].score, in[i].name);
    rewind(f);
    char bytes[10];
    printf("fread of 7-byte items: %zu\n", fread(bytes, 7, 1, f));
    fseek(f, -5, SEEK_END);
    printf("5 from the end, asked 10 bytes: %zu\n", fread(bytes, 1, 10, f));
    printf("size 0: %zu\n", fread(bytes, 0, 10, f));
    fclose(f);

    f = fopen("text.txt", "w+");
    fputs("hello, stream\n", f);
    rewind(f);
    char text[32] = "";
    size_t n = fread(text, 1, sizeof text - 1, f);
    printf("%zu: %s", n, text);
    fclose(f);
    return 0;
}
