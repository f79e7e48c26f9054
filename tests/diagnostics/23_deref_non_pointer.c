// expect: 4:12: invalid type argument of unary '*' (have 'int')
int main(void) {
    int n = 5;
    return *n;
}
