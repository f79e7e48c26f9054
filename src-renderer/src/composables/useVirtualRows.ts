/**
 * A scrolling box that draws only the rows in view (composables/virtual-window.ts): follows the
 * box's scroll position and height, and scrolls to the end or to a row on demand.
 */
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import { rowWindow, scrollToRow } from './virtual-window.ts';

/** A box whose height is not known yet (not laid out, tests without layout) draws this many pixels' worth. */
const FALLBACK_HEIGHT = 600;

export function useVirtualRows(box: Ref<HTMLElement | null>, count: Ref<number>, rowH: number) {
  const scrollTop = ref(0);
  const height = ref(0);
  const view = computed(() => rowWindow(count.value, rowH, scrollTop.value, height.value || FALLBACK_HEIGHT));

  const onScroll = () => {
    if (box.value) scrollTop.value = box.value.scrollTop;
  };
  let observer: ResizeObserver | null = null;
  onMounted(() => {
    const el = box.value;
    if (!el) return;
    height.value = el.clientHeight;
    el.addEventListener('scroll', onScroll, { passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => (height.value = el.clientHeight));
      observer.observe(el);
    }
  });
  onBeforeUnmount(() => {
    box.value?.removeEventListener('scroll', onScroll);
    observer?.disconnect();
  });

  /** Sets the box's scroll position (the window follows at once, without waiting for the scroll event). */
  function scrollTo(top: number): void {
    const el = box.value;
    const max = Math.max(0, count.value * rowH - (height.value || 0));
    const t = Math.max(0, Math.min(max, top));
    scrollTop.value = t;
    if (el) el.scrollTop = t;
  }

  return {
    view,
    scrollToEnd: () => scrollTo(count.value * rowH),
    reveal: (i: number) => scrollTo(scrollToRow(i, rowH, scrollTop.value, height.value || FALLBACK_HEIGHT)),
  };
}
