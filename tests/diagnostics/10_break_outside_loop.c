// expect: 4:12: break statement not within loop or switch
int main(void) {
    int x = 1;
    if (x) break;
    return 0;
}
