// expect: 3:18: expected expression before ')' token
int main(void) {
    int x = (1 + );
    return x;
}
