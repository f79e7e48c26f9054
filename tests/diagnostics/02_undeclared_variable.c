// expect: 4:5: 'totl' undeclared (first use in this function)
int main(void) {
    int total = 0;
    totl = 3;
    return total;
}
