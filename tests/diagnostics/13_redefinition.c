// expect: 4:9: redefinition of 'count'
int main(void) {
    int count = 1;
    int count = 2;
    return count;
}
