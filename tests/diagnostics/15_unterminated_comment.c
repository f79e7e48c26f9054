// expect: 5:1: unterminated comment
int main(void) {
    return 0;
}
/* this comment never ends
