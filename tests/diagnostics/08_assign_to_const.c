// expect: 4:11: assignment of read-only variable 'limit'
int main(void) {
    const int limit = 10;
    limit = 20;
    return limit;
}
