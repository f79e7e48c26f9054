// expect: 5:13: invalid type argument of '->' (have 'struct s')
struct s { int v; };
int main(void) {
    struct s x = { 1 };
    return x->v;
}
