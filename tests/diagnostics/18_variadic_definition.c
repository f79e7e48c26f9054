// expect: 2:5: variadic functions (defining a function with '...') are not supported in the lab
int sum(int count, ...) {
    return count;
}
int main(void) {
    return sum(1, 2);
}
