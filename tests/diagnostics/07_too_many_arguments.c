// expect: 4:12: too many arguments to function 'square'
int square(int a) { return a * a; }
int main(void) {
    return square(1, 2);
}
