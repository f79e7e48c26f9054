// expect: 6:9: incompatible types when assigning to type 'int' from type 'struct point'
struct point { int x, y; };
int main(void) {
    struct point p = { 1, 2 };
    int n;
    n = p;
    return n;
}
