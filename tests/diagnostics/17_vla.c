// expect: 4:12: variable-length arrays are not supported outside functions
/* A variable-length array is fine inside a function; at file scope its size must be a constant. */
int n = 10;
int values[n];
int main(void) {
    return 0;
}
