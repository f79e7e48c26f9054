// expect: 5:7: 'struct point' has no member named 'z'
struct point { int x, y; };
int main(void) {
    struct point p;
    p.z = 1;
    return 0;
}
