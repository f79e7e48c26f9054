// expect: 1:1: undefined reference to `main'
int helper(void) {
    return 42;
}
