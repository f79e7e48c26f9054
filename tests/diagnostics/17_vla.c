// expect: 4:16: variable-length arrays are not supported in the lab
int main(void) {
    int n = 10;
    int values[n];
    values[0] = 1;
    return values[0];
}
