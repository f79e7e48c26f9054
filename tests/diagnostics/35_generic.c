// expect: 4:12: _Generic selections are not supported in the lab
int main(void) {
    int x = 1;
    return _Generic(x, int: 1, default: 0);
}
