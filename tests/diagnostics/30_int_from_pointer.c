// expect: 5:15: initialization of 'int' from 'int *' makes integer from pointer without a cast
int main(void) {
    int n = 0;
    int *p = &n;
    int bad = p;
    return bad;
}
