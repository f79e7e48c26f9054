// expect: 4:12: 'return' with a value, in function returning void
void reset(int *p) {
    *p = 0;
    return 1;
}
int main(void) {
    int v = 3;
    reset(&v);
    return v;
}
