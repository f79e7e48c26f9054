// expect: 3:5: _Complex (complex numbers) is not supported in the lab
int main(void) {
    _Complex double z;
    return 0;
}
