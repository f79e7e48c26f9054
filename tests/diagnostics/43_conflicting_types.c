// expect: 3:8: conflicting types for 'twice'
int twice(int x);
double twice(double x) { return 2 * x; }
int main(void) {
    return 0;
}
