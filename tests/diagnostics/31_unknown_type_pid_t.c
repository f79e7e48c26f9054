// expect: 3:5: add '#include <unistd.h>'
int main(void) {
    pid_t child = 0;
    return child;
}
