// expect: 2:1: _Thread_local (thread-local storage) is not supported in the lab
_Thread_local int counter;
int main(void) {
    return 0;
}
