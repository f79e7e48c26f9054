// expect: 4:13: subscripted value is neither array nor pointer nor vector
int main(void) {
    int n = 5;
    return n[2];
}
