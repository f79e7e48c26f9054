// Bubble sort, selection sort and binary search over int arrays; counts comparisons and swaps.
#include <stdio.h>
#include <string.h>

static int comparisons, swaps;

static void swap(int *a, int *b)
{
    int t = *a;
    *a = *b;
    *b = t;
    swaps++;
}

static void bubble_sort(int *a, int n)
{
    for (int i = 0; i < n - 1; i++) {
        int swapped = 0;
        for (int j = 0; j < n - 1 - i; j++) {
            comparisons++;
            if (a[j] > a[j + 1]) {
                swap(&a[j], &a[j + 1]);
                swapped = 1;
            }
        }
        if (!swapped)
            break;
    }
}

static void selection_sort(int *a, int n)
{
    for (int i = 0; i < n - 1; i++) {
        int min = i;
        for (int j = i + 1; j < n; j++) {
            comparisons++;
            if (a[j] < a[min])
                min = j;
        }
        if (min != i)
            swap(&a[i], &a[min]);
    }
}

static int binary_search(const int *a, int n, int key)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] == key)
            return mid;
        if (a[mid] < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -(lo + 1);
}

static void print(const char *label, const int *a, int n)
{
    printf("%-10s", label);
    for (int i = 0; i < n; i++)
        printf(" %3d", a[i]);
    printf("\n");
}

int main(void)
{
    int original[] = { 64, 25, 12, 22, 11, 90, 3, 47, 25, -8 };
    int n = sizeof original / sizeof original[0];
    int a[10];
    memcpy(a, original, sizeof a);
    bubble_sort(a, n);
    print("bubble", a, n);
    printf("comparisons %d swaps %d\n", comparisons, swaps);
    comparisons = swaps = 0;
    memcpy(a, original, sizeof a);
    selection_sort(a, n);
    print("selection", a, n);
    printf("comparisons %d swaps %d\n", comparisons, swaps);
    int keys[] = { 22, -8, 90, 5, 100, -20 };
    for (int i = 0; i < 6; i++)
        printf("search %d -> %d\n", keys[i], binary_search(a, n, keys[i]));
    return 0;
}
