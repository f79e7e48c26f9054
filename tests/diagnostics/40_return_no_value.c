// expect: 3:5: 'return' with no value, in function returning non-void
int value(void) {
    return;
}
int main(void) {
    return value();
}
