// expect: 4:14: request for member 'size' in something not a structure or union
int main(void) {
    int n = 1;
    return n.size;
}
