// expect: 4:12: undefined reference to `compute'
int compute(int x);
int main(void) {
    return compute(3);
}
