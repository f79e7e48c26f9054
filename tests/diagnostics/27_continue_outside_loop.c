// expect: 3:5: continue statement not within a loop
int main(void) {
    continue;
    return 0;
}
