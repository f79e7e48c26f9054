// expect: 3:10: label 'done' used but not defined
int main(void) {
    goto done;
    return 1;
}
