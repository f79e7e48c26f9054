// expect: 5:14: expected ';' before 'int'
// expect: 6:13: expected expression before ';' token
// expect: 7:12: 'c' undeclared (first use in this function)
int main(void) {
    int a = 1
    int b = ;
    return c;
}
