// expect: 4:14: initialization of 'int *' from incompatible pointer type 'char *'
int main(void) {
    char c = 'x';
    int *p = &c;
    return *p;
}
