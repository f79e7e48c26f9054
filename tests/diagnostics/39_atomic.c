// expect: 2:1: _Atomic types are not supported in the lab
_Atomic int counter;
int main(void) {
    return 0;
}
