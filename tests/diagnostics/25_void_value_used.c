// expect: 4:13: void value not ignored as it ought to be
void greet(void) { }
int main(void) {
    int x = greet();
    return x;
}
