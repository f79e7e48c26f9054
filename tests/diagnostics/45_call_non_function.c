// expect: 4:12: called object 'n' is not a function or function pointer
int main(void) {
    int n = 3;
    return n(2);
}
