// expect: 5:8: assignment of read-only location
int main(void) {
    int n = 1;
    const int *p = &n;
    *p = 2;
    return n;
}
